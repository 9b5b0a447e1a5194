package org.threshold.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ConfigSection contract: typed values, ranges, defaults, unknown keys, one pass. */
class ConfigSectionTest {

    private static ConfigDocument doc(String yaml) {
        return ConfigDocument.parse(yaml, "run.yaml");
    }

    private static List<String> problems(ConfigDocument doc) {
        doc.finish();
        return doc.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void absentKeysGiveTheirDefaults() {
        ConfigDocument d = doc("{}");
        ConfigSection s = d.root();
        assertThat(s.integer("layers", 2, 1, 64)).isEqualTo(2);
        assertThat(s.number("lr", 1e-3, 0, 10)).isEqualTo(1e-3);
        assertThat(s.flag("cot", true)).isTrue();
        assertThat(s.text("name", "run")).isEqualTo("run");
        assertThat(s.optionalInteger("depth", 1, 9)).isEmpty();
        assertThat(s.texts("operators", List.of("MAX"))).containsExactly("MAX");
        assertThat(s.section("training").integer("steps", 100, 1, 1000)).isEqualTo(100);
        assertThat(s.sections("probes")).isEmpty();
        assertThat(s.node("sweep")).isEmpty();
        assertThat(problems(d)).isEmpty();
    }

    @Test
    void valuesOfTheWrongTypeAreProblemsAndGiveTheDefault() {
        ConfigDocument d = doc("layers: two\nlr: [1]\ncot: maybe\nname: {a: 1}\n");
        ConfigSection s = d.root();
        assertThat(s.integer("layers", 2, 1, 64)).isEqualTo(2);
        assertThat(s.number("lr", 1e-3, 0, 10)).isEqualTo(1e-3);
        assertThat(s.flag("cot", true)).isTrue();
        assertThat(s.text("name", "run")).isEqualTo("run");
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:9: layers: expected an integer from 1 to 64, found 'two'",
                "run.yaml:2:5: lr: expected a number from 0 to 10, found a list",
                "run.yaml:3:6: cot: expected true or false, found 'maybe'",
                "run.yaml:4:7: name: expected text, found a mapping");
    }

    @Test
    void integersAreRangeCheckedExactlyEvenWhenHuge() {
        ConfigDocument d = doc("a: 12345678901234567890123456\nb: -3\nc: 65\nd: 1e99999999999\ne: 2e4\nf: 45_000\ng: 1.5\n");
        ConfigSection s = d.root();
        assertThat(s.integer("a", 1, 1, Integer.MAX_VALUE)).isEqualTo(1);
        assertThat(s.longInteger("b", 0, 0, Long.MAX_VALUE)).isZero();
        assertThat(s.integer("c", 2, 1, 64)).isEqualTo(2);
        assertThat(s.integer("d", 7, 0, 10)).isEqualTo(7);
        assertThat(s.integer("e", 0, 0, Integer.MAX_VALUE)).isEqualTo(20_000);
        assertThat(s.integer("f", 0, 0, Integer.MAX_VALUE)).isEqualTo(45_000);
        assertThat(s.integer("g", 0, 0, 5)).isZero();
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:4: a: expected an integer >= 1, found '12345678901234567890123456'",
                "run.yaml:2:4: b: expected an integer >= 0, found '-3'",
                "run.yaml:3:4: c: expected an integer from 1 to 64, found '65'",
                "run.yaml:4:4: d: expected an integer from 0 to 10, found '1e99999999999'",
                "run.yaml:7:4: g: expected an integer from 0 to 5, found '1.5'");
    }

    @Test
    void aLeadingZeroIsNotOctal() {
        ConfigDocument d = doc("modulus: 010\nhex: 0x1F\n");
        assertThat(d.root().integer("modulus", 10, 2, 4096)).isEqualTo(10);
        assertThat(d.root().integer("hex", 0, 0, 100)).isZero();
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:10: modulus: expected an integer from 2 to 4096, found '010'"
                        + " (a leading zero makes it octal in YAML 1.1; write the number without it)",
                "run.yaml:2:6: hex: expected an integer from 0 to 100, found '0x1F'");
    }

    @Test
    void yesNoOnOffAreNotBooleans() {
        ConfigDocument d = doc("a: yes\nb: off\nc: 'true'\nd: True\ne: false\n");
        ConfigSection s = d.root();
        assertThat(s.flag("a", false)).isFalse();
        assertThat(s.flag("b", true)).isTrue();
        assertThat(s.flag("c", false)).isFalse();
        assertThat(s.flag("d", false)).isTrue();
        assertThat(s.flag("e", true)).isFalse();
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:4: a: expected true or false, found 'yes' (YAML 1.1 reads yes/no/on/off as booleans; write true or false)",
                "run.yaml:2:4: b: expected true or false, found 'off' (YAML 1.1 reads yes/no/on/off as booleans; write true or false)",
                "run.yaml:3:4: c: expected true or false, found quoted text 'true'");
    }

    @Test
    void quotedNumbersAreTextAndPlainNumbersAreAlsoText() {
        ConfigDocument d = doc("steps: '100'\nname: 2024\n");
        assertThat(d.root().integer("steps", 5, 1, 1000)).isEqualTo(5);
        assertThat(d.root().text("name", "")).isEqualTo("2024");
        assertThat(problems(d)).containsExactly("run.yaml:1:8: steps: expected an integer from 1 to 1000, found quoted text '100'");
    }

    @Test
    void numbersAcceptDecimalAndExponentFormsWithinRange() {
        ConfigDocument d = doc("lr: 1.0e-3\nmin: .5\nbig: 1e400\nneg: -1\nnan: .nan\n");
        ConfigSection s = d.root();
        assertThat(s.number("lr", 0, 0, 10)).isEqualTo(1e-3);
        assertThat(s.number("min", 0, 0, 1)).isEqualTo(0.5);
        assertThat(s.number("big", 1, 0, Double.MAX_VALUE)).isEqualTo(1);
        assertThat(s.number("neg", 1, 0, 1)).isEqualTo(1);
        assertThat(s.number("nan", 1, 0, 1)).isEqualTo(1);
        assertThat(problems(d)).containsExactly(
                "run.yaml:3:6: big: expected a number >= 0, found '1e400'",
                "run.yaml:4:6: neg: expected a number from 0 to 1, found '-1'",
                "run.yaml:5:6: nan: expected a number from 0 to 1, found '.nan'");
    }

    @Test
    void nullMeansAbsentOnlyForOptionalKeys() {
        ConfigDocument d = doc("depth: ~\nlabel:\nsteps: null\n");
        ConfigSection s = d.root();
        assertThat(s.optionalInteger("depth", 1, 9)).isEmpty();
        assertThat(s.optionalText("label")).isEmpty();
        assertThat(s.integer("steps", 3, 1, 9)).isEqualTo(3);
        assertThat(problems(d)).containsExactly("run.yaml:3:8: steps: expected an integer from 1 to 9, found nothing (null)");
    }

    @Test
    void choicesNameTheAllowedWordsWithDidYouMean() {
        ConfigDocument d = doc("device: gpuu\nmixing: sideways\n");
        assertThat(d.root().choice("device", "auto", List.of("auto", "cpu", "gpu"))).isEqualTo("auto");
        assertThat(d.root().choice("mixing", "within", List.of("within", "per-expression"))).isEqualTo("within");
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:9: device: expected one of auto, cpu, gpu, found 'gpuu' (did you mean 'gpu'?)",
                "run.yaml:2:9: mixing: expected one of within, per-expression, found 'sideways'");
    }

    /** What a plugin's enum of config words looks like. */
    enum Shade implements Choice {
        LIGHT("light"),
        DARK_GREY("dark-grey");

        private final String word;

        Shade(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }
    }

    @Test
    void anEnumChoiceGivesTheConstantOfItsWordAndResolvesToTheWord() {
        ConfigDocument d = doc("shade: dark-grey\n");
        assertThat(d.root().choice("shade", Shade.LIGHT)).isEqualTo(Shade.DARK_GREY);
        assertThat(d.root().choice("tint", Shade.LIGHT)).isEqualTo(Shade.LIGHT);
        assertThat(problems(d)).isEmpty();
        assertThat(d.resolvedYaml()).contains("shade: dark-grey").contains("tint: light");
    }

    @Test
    void anEnumChoiceMissNamesEveryWordInDeclarationOrderWithDidYouMean() {
        ConfigDocument d = doc("shade: dark-gray\n");
        assertThat(d.root().choice("shade", Shade.LIGHT)).isEqualTo(Shade.LIGHT);
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:8: shade: expected one of light, dark-grey, found 'dark-gray' (did you mean 'dark-grey'?)");
        assertThat(Choice.words(Shade.class)).containsExactly("light", "dark-grey");
    }

    @Test
    void listsAreCheckedItemByItem() {
        ConfigDocument d = doc("betas: [0.9, 2]\nsizes: [1, x, 3]\nops: MAX\nok: [4, 5]\nnames: [a, b]\n");
        ConfigSection s = d.root();
        assertThat(s.numbers("betas", List.of(0.5), 0, 1)).containsExactly(0.5);
        assertThat(s.integers("sizes", List.of(), 1, 9)).isEmpty();
        assertThat(s.texts("ops", List.of("SUM"))).containsExactly("SUM");
        assertThat(s.integers("ok", List.of(), 1, 9)).containsExactly(4, 5);
        assertThat(s.texts("names", List.of())).containsExactly("a", "b");
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:14: betas[1]: expected a number from 0 to 1, found '2'",
                "run.yaml:2:12: sizes[1]: expected an integer from 1 to 9, found 'x'",
                "run.yaml:3:6: ops: expected a list of texts, found 'MAX' (write [MAX])");
    }

    @Test
    void weightsAreAMappingOrAListOfNamesCheckedAgainstTheAllowedNames() {
        ConfigDocument d = doc("a: {MAX: 2, SUM: 1}\nb: [MAX, MED]\nc: {MAXX: 1, SUM: -1}\nd: {MAX: 0}\ne: [MAX, MAX]\n");
        ConfigSection s = d.root();
        List<String> ops = List.of("MAX", "MED", "SUM");
        Map<String, Double> fallback = Map.of("SUM", 1.0);
        assertThat(s.weights("a", fallback, ops)).containsExactly(Map.entry("MAX", 2.0), Map.entry("SUM", 1.0));
        assertThat(s.weights("b", fallback, ops)).containsExactly(Map.entry("MAX", 1.0), Map.entry("MED", 1.0));
        assertThat(s.weights("c", fallback, ops)).isEqualTo(fallback);
        assertThat(s.weights("d", fallback, ops)).isEqualTo(fallback);
        assertThat(s.weights("e", fallback, ops)).isEqualTo(fallback);
        assertThat(s.weights("absent", fallback, ops)).isEqualTo(fallback);
        assertThat(problems(d)).containsExactly(
                "run.yaml:3:5: c.MAXX: expected one of MAX, MED, SUM, found 'MAXX' (did you mean 'MAX'?)",
                "run.yaml:3:19: c.SUM: expected a number >= 0, found '-1'",
                "run.yaml:4:4: d: expected at least one positive weight, found only zeros",
                "run.yaml:5:10: e[1]: expected each name once, found 'MAX' again");
    }

    @Test
    void unknownKeysAreReportedWhenFinishedWithDidYouMeanAndTheKnownKeys() {
        ConfigDocument d = doc("training:\n  stpes: 100\n  batch: 8\n  temperature: 2\n");
        ConfigSection t = d.root().section("training");
        t.integer("steps", 20_000, 1, Integer.MAX_VALUE);
        t.integer("batch", 64, 1, 1024);
        assertThat(t.problems()).isEmpty();
        assertThat(problems(d)).containsExactly(
                "run.yaml:2:3: training.stpes: expected one of the keys steps, batch, found 'stpes' (did you mean 'steps'?)",
                "run.yaml:4:3: training.temperature: expected one of the keys steps, batch, found 'temperature'");
    }

    @Test
    void aNearMissOfAKeyTheFileAlsoGivesStillGetsDidYouMean() {
        // a sweep's grid key 'sed' beside the file's seed: the present key is the only near miss
        ConfigDocument d = doc("seed: 1\nsed: 2\n");
        d.root().longInteger("seed", 1, 0, Long.MAX_VALUE);
        d.root().text("name", "x");
        assertThat(problems(d)).containsExactly(
                "run.yaml:2:1: sed: expected one of the keys seed, name, found 'sed' (did you mean 'seed'?)");
    }

    @Test
    void aKeyNobodyAsksForAtAllIsUnknownWithItsWholeSubtree() {
        ConfigDocument d = doc("modle:\n  d: 32\n");
        d.root().section("model");
        assertThat(problems(d)).containsExactly(
                "run.yaml:1:1: modle: expected one of the keys model, found 'modle' (did you mean 'model'?)");
    }

    @Test
    void sectionsAndListsOfSectionsHavePathsForTheirProblems() {
        ConfigDocument d = doc("probes:\n  - type: pca\n    groups: x\n  - 3\nruntime: fast\n");
        List<ConfigSection> probes = d.root().sections("probes");
        assertThat(probes).hasSize(1);
        assertThat(probes.get(0).path()).isEqualTo("probes[0]");
        probes.get(0).text("type", "");
        probes.get(0).integer("groups", 1, 1, 9);
        ConfigSection runtime = d.root().section("runtime");
        assertThat(runtime.keys()).isEmpty();
        assertThat(problems(d)).containsExactly(
                "run.yaml:3:13: probes[0].groups: expected an integer from 1 to 9, found 'x'",
                "run.yaml:4:5: probes[1]: expected a mapping, found '3'",
                "run.yaml:5:10: runtime: expected a mapping, found 'fast'");
    }

    @Test
    void semanticProblemsPointAtTheKeyOrTheSection() {
        ConfigDocument d = doc("training:\n  steps: 5\n  epochs: 2\n");
        ConfigSection t = d.root().section("training");
        t.integer("steps", 1, 1, 10);
        t.optionalNumber("epochs", 0, 10);
        t.problem("epochs", "give either steps or epochs, not both");
        t.problem("batch", "expected a batch that divides the data");
        assertThat(problems(d)).containsExactly(
                "run.yaml:2:3: training.batch: expected a batch that divides the data",
                "run.yaml:3:3: training.epochs: give either steps or epochs, not both");
    }

    @Test
    void allProblemsOfAFileComeInOnePassInFileOrder() {
        ConfigDocument d = doc("b: x\na: y\nseed: 1\nseed: 2\nzz: 1\n");
        d.root().integer("a", 0, 0, 1);
        d.root().integer("b", 0, 0, 1);
        assertThatThrownBy(d::check).isInstanceOf(ConfigException.class).hasMessage(String.join("\n",
                "run.yaml:1:4: b: expected an integer from 0 to 1, found 'x'",
                "run.yaml:2:4: a: expected an integer from 0 to 1, found 'y'",
                "run.yaml:3:1: seed: expected one of the keys a, b, found 'seed'",
                "run.yaml:4:1: seed: expected each key once, found 'seed' again (first at line 3, column 1)",
                "run.yaml:5:1: zz: expected one of the keys a, b, found 'zz'"));
    }

    @Test
    void rawNodesAreKnownAndKeptAsWritten() {
        ConfigDocument d = doc("sweep:\n  grid: {model.d: [8, 16]}\n");
        ConfigNode sweep = d.root().node("sweep").orElseThrow();
        assertThat(sweep).isInstanceOf(ConfigNode.Mapping.class);
        assertThat(problems(d)).isEmpty();
        assertThat(d.resolvedYaml()).isEqualTo("sweep:\n  grid:\n    model.d: [8, 16]\n");
    }

    @Test
    void askingForASectionTwiceGivesTheSameSection() {
        ConfigDocument d = doc("task: {a: 1, b: 2}\n");
        d.root().section("task").integer("a", 0, 0, 9);
        d.root().section("task").integer("b", 0, 0, 9);
        assertThat(problems(d)).isEmpty();
    }

    @Test
    void anOptionalSectionLeftOutIsEmptyKnownAndAbsentFromTheResolvedConfig() {
        for (String yaml : List.of("steps: 5\n", "steps: 5\nstop_at: ~\n", "steps: 5\nstop_at:\n")) {
            ConfigDocument d = doc(yaml);
            d.root().integer("steps", 1, 1, 10);
            assertThat(d.root().optionalSection("stop_at")).as(yaml).isEmpty();
            assertThat(problems(d)).as(yaml).isEmpty();
            assertThat(d.resolvedYaml()).as("as if no one had asked: " + yaml).isEqualTo("steps: 5\n");
        }
        ConfigDocument typo = doc("stop_a: {value: 1}\n");
        assertThat(typo.root().optionalSection("stop_at")).isEmpty();
        assertThat(problems(typo)).containsExactly(
                "run.yaml:1:1: stop_a: expected one of the keys stop_at, found 'stop_a' (did you mean 'stop_at'?)");
    }

    @Test
    void anOptionalSectionGivenIsBoundAndResolvedLikeAnyOther() {
        ConfigDocument d = doc("stop_at: {value: 0.5, metric: accuracy}\n");
        ConfigSection s = d.root().optionalSection("stop_at").orElseThrow();
        assertThat(s.path()).isEqualTo("stop_at");
        assertThat(s.text("metric", "")).isEqualTo("accuracy");
        assertThat(s.number("value", 0, 0, 1)).isEqualTo(0.5);
        assertThat(d.root().optionalSection("stop_at")).containsSame(s);
        assertThat(d.root().section("stop_at")).isSameAs(s);
        assertThat(problems(d)).isEmpty();
        assertThat(d.resolvedYaml()).isEqualTo("stop_at:\n  metric: accuracy\n  value: 0.5\n");
    }

    @Test
    void anOptionalSectionThatIsNotAMappingIsAProblem() {
        ConfigDocument d = doc("stop_at: 0.95\n");
        assertThat(d.root().optionalSection("stop_at")).isEmpty();
        assertThat(problems(d)).containsExactly("run.yaml:1:10: stop_at: expected a mapping, found '0.95'");
    }

    @Test
    void keysKeepFileOrder() {
        ConfigSection s = doc("z: 1\na: 2\nm: 3\n").root();
        assertThat(s.keys()).containsExactly("z", "a", "m");
        assertThat(s.has("a")).isTrue();
        assertThat(s.has("b")).isFalse();
    }

    @Test
    void problemsOfASectionIncludeTheSectionsUnderIt() {
        ConfigDocument d = doc("task: {inner: {x: bad}}\nother: bad\n");
        ConfigSection task = d.root().section("task");
        task.section("inner").integer("x", 0, 0, 1);
        d.root().integer("other", 0, 0, 1);
        assertThat(task.problems()).extracting(ConfigProblem::path).containsExactly("task.inner.x");
        assertThat(d.root().problems()).extracting(ConfigProblem::path).containsExactly("task.inner.x", "other");
    }
}
