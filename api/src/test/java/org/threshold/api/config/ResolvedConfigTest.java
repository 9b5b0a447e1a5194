package org.threshold.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolved config: what a run directory keeps, and what identity hashes. */
class ResolvedConfigTest {

    /** A binder as a plugin would write one: every key, its default and range, in one place. */
    record Settings(long seed, String type, int modulus, int depth, List<String> operators, double lr, boolean cot,
                    String name, Map<String, Double> weights, java.util.OptionalInt limit) {

        static Settings bind(ConfigSection s) {
            long seed = s.longInteger("seed", 1, 0, Long.MAX_VALUE);
            ConfigSection task = s.section("task");
            String type = task.text("type", "listops");
            int modulus = task.integer("modulus", 10, 2, 4096);
            int depth = task.integer("depth", 2, 1, 16);
            List<String> ops = task.texts("operators", List.of("MAX", "MED", "SUM"));
            double lr = s.section("training").number("lr", 1e-4, 0, 10);
            boolean cot = task.flag("cot", true);
            String name = s.text("name", "run");
            Map<String, Double> weights = s.section("curriculum").weights("weights", Map.of("MAX", 1.0), ops);
            return new Settings(seed, type, modulus, depth, ops, lr, cot, name, weights, task.optionalInteger("limit", 1, 9));
        }
    }

    private static ConfigDocument bound(String yaml) {
        ConfigDocument d = ConfigDocument.parse(yaml, "run.yaml");
        Settings.bind(d.root());
        d.check();
        return d;
    }

    @Test
    void resolvedYamlHasEveryKeyAskedForWithDefaultsInTheBindersOrder() {
        ConfigDocument d = bound("task:\n  modulus: 26\n  type: listops\nseed: 3\n");
        assertThat(d.resolvedYaml()).isEqualTo("""
                seed: 3
                task:
                  type: listops
                  modulus: 26
                  depth: 2
                  operators: [MAX, MED, SUM]
                  cot: true
                  limit: null
                training:
                  lr: 1.0E-4
                name: run
                curriculum:
                  weights:
                    MAX: 1.0
                """);
    }

    @Test
    void fileKeyOrderDoesNotChangeTheResolvedConfig() {
        String a = bound("seed: 3\ntask: {type: listops, modulus: 26}\n").resolvedYaml();
        String b = bound("task: {modulus: 26, type: listops}\nseed: 3\n").resolvedYaml();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void textThatYamlWouldReadAsSomethingElseIsQuoted() {
        ConfigDocument d = bound("name: 'yes'\ntask: {type: '10', operators: ['null', '010', plain]}\n");
        assertThat(d.resolvedYaml()).contains("name: 'yes'").contains("type: '10'")
                .contains("operators: ['null', '010', plain]");
    }

    @Test
    void theResolvedConfigReadsBackToTheSameValuesAndTheSameText() {
        ConfigDocument first = bound("""
                seed: 7
                name: "on"
                task: {type: listops, modulus: 26, operators: [MAX, SUM], limit: 4}
                training: {lr: 3.0e-4}
                curriculum: {weights: [MAX, SUM]}
                """);
        ConfigDocument again = ConfigDocument.parse(first.resolvedYaml(), "config.yaml");
        Settings before = Settings.bind(ConfigDocument.parse(first.resolvedYaml(), "x.yaml").root());
        Settings after = Settings.bind(again.root());
        again.check();
        assertThat(after).isEqualTo(before);
        assertThat(after.name()).isEqualTo("on");
        assertThat(after.lr()).isEqualTo(3.0e-4);
        assertThat(again.resolvedYaml()).isEqualTo(first.resolvedYaml());
    }

    @Test
    void aResolvedTreeCanBeBoundWithoutYamlText() {
        ConfigDocument first = bound("seed: 9\n");
        ConfigDocument fromTree = ConfigDocument.of(first.resolved(), "config.yaml");
        assertThat(Settings.bind(fromTree.root()).seed()).isEqualTo(9);
        fromTree.check();
        assertThat(fromTree.resolvedYaml()).isEqualTo(first.resolvedYaml());
    }

    @Test
    void emptySectionsAndListsAreWrittenInFlowStyle() {
        ConfigDocument d = ConfigDocument.parse("{}", "run.yaml");
        d.root().section("runtime");
        d.root().sections("probes");
        d.check();
        assertThat(d.resolvedYaml()).isEqualTo("runtime: {}\nprobes: []\n");
    }

    @Test
    void treeWithASubtreeReplacedKeepsReadingProblems() {
        ConfigDocument d = ConfigDocument.parse("seed: 1\nseed: 2\ntask: {modulus: 10}\n", "run.yaml");
        ConfigNode.Mapping tree = (ConfigNode.Mapping) d.tree();
        ConfigNode.Mapping replaced = new ConfigNode.Mapping(List.of(tree.entries().get(0),
                new ConfigNode.Entry("task", Mark.unknown("sweep"), ConfigDocument.parse("modulus: 20", "sweep").tree())),
                tree.mark());
        ConfigDocument point = d.withTree(replaced);
        assertThat(point.root().section("task").integer("modulus", 0, 0, 100)).isEqualTo(20);
        point.root().longInteger("seed", 0, 0, 9);
        point.finish();
        assertThat(point.problems()).extracting(ConfigProblem::toString)
                .containsExactly("run.yaml:2:1: seed: expected each key once, found 'seed' again (first at line 1, column 1)");
    }
}
