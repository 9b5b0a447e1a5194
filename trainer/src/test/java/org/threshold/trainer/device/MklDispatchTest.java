package org.threshold.trainer.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.run.Numerics;

class MklDispatchTest {

    @TempDir
    Path dir;

    private record Child(int exitCode, String stdout, String stderr) {
    }

    private Child java(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().remove("LD_PRELOAD");
        builder.environment().putAll(environment);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child process ended").isTrue();
        return new Child(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    @Test
    void theLibraryIsAnElfSharedObjectTheDynamicLinkerPreloads() throws Exception {
        Path library = dir.resolve("native").resolve(MklDispatch.LIBRARY);
        MklDispatch.write(library);
        byte[] bytes = Files.readAllBytes(library);
        if (Files.getFileStore(library).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).isEqualTo("rw-r--r--");
        }
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("ELF");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("mkl_serv_intel_cpu_true");
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "an x86-64 Linux library");
        // a library the loader cannot use is reported ("cannot be preloaded ... ignored") and skipped
        Path garbage = dir.resolve("garbage.so");
        Files.write(garbage, new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
        assertThat(java(Map.of("LD_PRELOAD", garbage.toString()), "-version").stderr()).contains("cannot be preloaded");
        Child preloaded = java(Map.of("LD_PRELOAD", library.toString()), MklProduct.class.getName());
        assertThat(preloaded.stderr()).doesNotContain("cannot be preloaded").doesNotContain("error while loading");
        assertThat(preloaded.exitCode()).isZero();
        assertThat(preloaded.stdout()).startsWith("product=");
    }

    /** Where MKL has a faster path than its AMD one (AVX-512), the preloaded library makes it take it: the bits differ. */
    @Test
    void onAnAmdProcessorWithAvx512TheProductIsComputedByAnotherPath() throws Exception {
        String cpu = Files.exists(Path.of("/proc/cpuinfo")) ? Files.readString(Path.of("/proc/cpuinfo")) : "";
        assumeTrue(cpu.contains("AuthenticAMD") && cpu.contains(" avx512f") && System.getProperty("os.arch").equals("amd64"),
                "an AMD x86-64 processor with AVX-512");
        Path library = dir.resolve(MklDispatch.LIBRARY);
        MklDispatch.write(library);
        String vendorPath = java(Map.of(), MklProduct.class.getName()).stdout();
        String processorPath = java(Map.of("LD_PRELOAD", library.toString()), MklProduct.class.getName()).stdout();
        assertThat(java(Map.of(), MklProduct.class.getName()).stdout()).as("the product is deterministic").isEqualTo(vendorPath);
        assertThat(processorPath).startsWith("product=").isNotEqualTo(vendorPath);
    }

    @Test
    void aChildEnvironmentGainsOrLosesTheLibraryAndKeepsTheRestOfLdPreload() {
        Map<String, String> env = new HashMap<>(Map.of("LD_PRELOAD", "/opt/a.so:/x/" + MklDispatch.LIBRARY + " /opt/b.so"));
        MklDispatch.set(env, false, Optional.empty());
        assertThat(env).containsEntry("LD_PRELOAD", "/opt/a.so:/opt/b.so").containsEntry(Numerics.MKL_DISPATCH, "vendor");
        assertThat(Numerics.of(1, env).environment()).doesNotContainKey(Numerics.MKL_DISPATCH);

        MklDispatch.set(env, true, Optional.of(Path.of("/lib/" + MklDispatch.LIBRARY)));
        assertThat(env).containsEntry("LD_PRELOAD", "/lib/" + MklDispatch.LIBRARY + ":/opt/a.so:/opt/b.so")
                .containsEntry(Numerics.MKL_DISPATCH, "intel");
        assertThat(Numerics.of(1, env).environment()).containsEntry(Numerics.MKL_DISPATCH, "intel");

        Map<String, String> none = new HashMap<>(Map.of("LD_PRELOAD", "/x/" + MklDispatch.LIBRARY));
        MklDispatch.set(none, false, Optional.empty());
        assertThat(none).doesNotContainKey("LD_PRELOAD");
        assertThatThrownBy(() -> MklDispatch.set(none, true, Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MklDispatch.LIBRARY).hasMessageContaining("bin/threshold");
    }
}
