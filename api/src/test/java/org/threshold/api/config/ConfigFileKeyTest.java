package org.threshold.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file key ({@link ConfigSection#optionalFile}): resolved beside the config, its content in the identity. */
class ConfigFileKeyTest {

    @TempDir
    Path dir;

    private ConfigDocument read(String yaml) throws IOException {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, yaml);
        return ConfigDocument.read(config);
    }

    private static Optional<Path> weights(ConfigDocument d) {
        Optional<Path> file = d.root().section("model").optionalFile("weights");
        d.root().section("model").integer("d", 32, 1, 64);
        d.finish();
        return file;
    }

    @Test
    void aRelativePathIsResolvedAgainstTheConfigFilesDirectoryAndRecordedAbsolute() throws IOException {
        Files.createDirectories(dir.resolve("w"));
        Files.write(dir.resolve("w/a.bin"), new byte[] {1, 2, 3});
        ConfigDocument d = read("model: {weights: w/a.bin}\n");
        assertThat(weights(d)).contains(dir.resolve("w/a.bin").toAbsolutePath().normalize());
        assertThat(d.problems()).isEmpty();
        assertThat(d.resolvedYaml()).contains("weights: " + dir.resolve("w/a.bin").toAbsolutePath().normalize());
    }

    @Test
    void theIdentityHoldsTheContentHashNotThePath() throws IOException {
        Files.write(dir.resolve("a.bin"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("b.bin"), new byte[] {1, 2, 3});
        ConfigDocument a = read("model: {weights: a.bin}\n");
        weights(a);
        ConfigDocument b = read("model: {weights: b.bin}\n");
        weights(b);
        // SHA-256 of the bytes 01 02 03
        assertThat(YamlWriter.write(a.resolvedForIdentity()))
                .contains("weights: sha256:039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81")
                .isEqualTo(YamlWriter.write(b.resolvedForIdentity()));
        Files.write(dir.resolve("b.bin"), new byte[] {1, 2, 4});
        ConfigDocument changed = read("model: {weights: b.bin}\n");
        weights(changed);
        assertThat(YamlWriter.write(changed.resolvedForIdentity())).isNotEqualTo(YamlWriter.write(a.resolvedForIdentity()));
    }

    @Test
    void anAbsentKeyStaysOutOfTheResolvedConfigAndTheIdentity() throws IOException {
        ConfigDocument d = read("model: {d: 8}\n");
        assertThat(weights(d)).isEmpty();
        assertThat(d.problems()).isEmpty();
        assertThat(d.resolvedYaml()).isEqualTo("model:\n  d: 8\n");
        assertThat(YamlWriter.write(d.resolvedForIdentity())).isEqualTo("model:\n  d: 8\n");
    }

    @Test
    void aMissingFileIsAProblemAtTheKey() throws IOException {
        ConfigDocument d = read("model:\n  weights: nowhere.safetensors\n");
        assertThat(weights(d)).isEmpty();
        assertThat(d.problems()).extracting(ConfigProblem::toString).containsExactly(dir.resolve("run.yaml")
                + ":2:12: model.weights: expected an existing file, found none at " + dir.resolve("nowhere.safetensors"));
    }
}
