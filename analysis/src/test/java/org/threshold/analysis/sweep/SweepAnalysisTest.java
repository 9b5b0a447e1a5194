package org.threshold.analysis.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.transition.TransitionRatio;
import org.threshold.analysis.transition.TransitionSettings;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;
import org.threshold.runs.Json;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/** threshold analyze on sweep directories with known results: the files, their sections and the degenerate cases. */
class SweepAnalysisTest {

    @TempDir
    Path root;

    /** JOINT learns from d=24 on in every seed; ALONE only at d=48 in one seed of three; ALONE d=16 seed 1 never ends. */
    private static OptionalDouble appendixCLike(String mixture, int d, int seed) {
        if (mixture.equals("ALONE") && d == 16 && seed == 1) {
            return OptionalDouble.empty();
        }
        if (mixture.equals("JOINT")) {
            return OptionalDouble.of(d >= 24 ? 0.8 + 0.01 * seed : 0.2);
        }
        return OptionalDouble.of(d == 48 && seed == 1 ? 0.7 : 0.15 + 0.01 * seed);
    }

    private static AnalysisSettings settings(Optional<String> baseline) {
        return new AnalysisSettings(Optional.empty(), TransitionSettings.defaults().withResamples(200), baseline, Optional.empty());
    }

    @Test
    void analyzeWritesTheSummaryTheNumbersTheFiguresAndTheReport() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("ALONE", "JOINT"), 3, SweepAnalysisTest::appendixCLike);
        SyntheticSweep.fail(root, index.points().get(0));
        AnalysisResult result = new SweepAnalysis(new SweepDirectory(root), index, settings(Optional.of("ALONE"))).run();

        List<String> summary = Files.readAllLines(root.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("mixture,parameters,test_accuracy,unique_parameters,model.d,seed,status,steps,stop_reason,wall_s,index,run_id");
        assertThat(summary).hasSize(1 + 24);
        assertThat(summary.get(1)).startsWith("ALONE," + SyntheticSweep.parameters(16) + ",," + SyntheticSweep.parameters(16)
                + ",16,1,failed,,,,0,");
        assertThat(summary.get(2)).isEqualTo("ALONE," + SyntheticSweep.parameters(16) + "," + (0.15 + 0.01 * 2) + ","
                + SyntheticSweep.parameters(16) + ",16,2,finished,400,steps,4.0,1,ALONE-d16-s2");

        JsonObject json = Json.parse(Files.readString(root.resolve("analysis/transition.json")));
        JsonArray mixtures = json.getAsJsonArray("mixtures");
        JsonObject alone = mixtures.get(0).getAsJsonObject();
        JsonObject joint = mixtures.get(1).getAsJsonObject();
        assertThat(alone.get("mixture").getAsString()).isEqualTo("ALONE");
        assertThat(alone.get("runs").getAsInt()).as("the failed run is left out").isEqualTo(11);
        assertThat(alone.getAsJsonArray("notes").toString()).contains("1 of 12 runs failed");
        assertThat(alone.getAsJsonObject("estimate").get("kind").getAsString()).as("one run above 50%, 2 of 3 at the largest size below: a bound")
                .isEqualTo("bound");
        assertThat(alone.getAsJsonObject("estimate").get("side").getAsString()).isEqualTo("above");
        assertThat(alone.getAsJsonObject("estimate").get("reason").getAsString()).startsWith("too few points to place a crossing");
        assertThat(joint.getAsJsonObject("estimate").get("kind").getAsString()).isEqualTo("value");
        double transition = joint.getAsJsonObject("estimate").get("parameters").getAsDouble();
        assertThat(transition).isBetween((double) SyntheticSweep.parameters(16), (double) SyntheticSweep.parameters(24));
        assertThat(joint.get("step_like").getAsBoolean()).as("all runs jump between two sizes").isTrue();
        assertThat(joint.getAsJsonArray("sizes")).hasSize(4);
        JsonObject ratio = json.getAsJsonArray("ratios").get(0).getAsJsonObject();
        assertThat(ratio.get("numerator").getAsString()).isEqualTo("ALONE");
        assertThat(ratio.get("kind").getAsString()).as("ALONE's transition point is a bound, so is the ratio").isEqualTo("bound");
        assertThat(json.getAsJsonObject("runs").get("failed").getAsInt()).isEqualTo(1);

        JsonObject learned = joint.getAsJsonObject("learned_fit");
        assertThat(learned.get("method").getAsString()).isEqualTo("firth-logistic-ml");
        assertThat(learned.getAsJsonObject("separated").get("last_unlearned").getAsLong()).isEqualTo(SyntheticSweep.parameters(16));
        assertThat(learned.getAsJsonObject("separated").get("first_learned").getAsLong()).isEqualTo(SyntheticSweep.parameters(24));
        assertThat(result.lines()).anySatisfy(line -> assertThat(line).startsWith("JOINT, learned-or-not (logistic ML, Firth): ")
                .contains("perfectly separated"));
        assertThat(result.lines()).contains("JOINT, runs above 50%: " + String.join(", ",
                "2.3k: 0 of 3 above", "4.3k: 3 of 3 above", "7.0k: 3 of 3 above", "14.8k: 3 of 3 above").replace("2.3k",
                org.threshold.analysis.transition.ParameterCount.format(SyntheticSweep.parameters(16))).replace("4.3k",
                org.threshold.analysis.transition.ParameterCount.format(SyntheticSweep.parameters(24))).replace("7.0k",
                org.threshold.analysis.transition.ParameterCount.format(SyntheticSweep.parameters(32))).replace("14.8k",
                org.threshold.analysis.transition.ParameterCount.format(SyntheticSweep.parameters(48))));

        assertPng(root.resolve("analysis/transition.png"), 820, 500);
        assertPng(root.resolve("analysis/transition-bars.png"), 520, 460);
        assertPng(root.resolve("analysis/curves-ALONE.png"), 900, 640);
        assertPng(root.resolve("analysis/curves-JOINT.png"), 900, 640);
        String html = Files.readString(root.resolve("analysis/report.html"));
        assertThat(html).contains("<h2>Transition points</h2>", "<h2>Runs above 50% per size</h2>", "<h2>Training curves</h2>",
                "<h2>Failed runs</h2>", "<h2>Runs</h2>", "Ratio ALONE / JOINT: above ", "threshold analyze " + root,
                "OutOfMemoryError");
        assertThat(html.split("data:image/png;base64,", -1)).as("four pictures embedded").hasSize(5);
        assertThat(result.files()).allSatisfy(f -> assertThat(Files.size(f)).isPositive());
    }

    /** Runs whose head is tied to the embedding: SPEC section 9 counts the (24, d) matrix once. */
    @Test
    void parametersUniqueFitsOnTheUniqueColumnAndTheDefaultOnTheOther() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("JOINT"), 3, SweepAnalysisTest::appendixCLike,
                SyntheticSweep::tiedParameters);
        AnalysisSettings all = settings(Optional.empty());
        AnalysisResult byAll = new SweepAnalysis(new SweepDirectory(root), index, all).run();
        JsonObject allFit = Json.parse(Files.readString(root.resolve("analysis/transition.json")))
                .getAsJsonArray("mixtures").get(0).getAsJsonObject();
        assertThat(Files.readAllLines(root.resolve("summary.csv")).get(1)).startsWith("JOINT," + SyntheticSweep.parameters(16)
                + "," + 0.2 + "," + SyntheticSweep.tiedParameters(16) + ",16,1,");

        AnalysisResult byUnique = new SweepAnalysis(new SweepDirectory(root), index,
                all.withParameters(ParameterMeasure.UNIQUE)).run();
        JsonObject json = Json.parse(Files.readString(root.resolve("analysis/transition.json")));
        JsonObject uniqueFit = json.getAsJsonArray("mixtures").get(0).getAsJsonObject();
        assertThat(json.get("parameter_count").getAsString()).isEqualTo("unique");
        JsonObject separated = uniqueFit.getAsJsonObject("learned_fit").getAsJsonObject("separated");
        assertThat(separated.get("last_unlearned").getAsLong()).isEqualTo(SyntheticSweep.tiedParameters(16));
        assertThat(separated.get("first_learned").getAsLong()).isEqualTo(SyntheticSweep.tiedParameters(24));
        assertThat(allFit.getAsJsonObject("learned_fit").getAsJsonObject("separated").get("first_learned").getAsLong())
                .isEqualTo(SyntheticSweep.parameters(24));
        double uniquePoint = uniqueFit.getAsJsonObject("estimate").get("parameters").getAsDouble();
        assertThat(uniquePoint).isBetween((double) SyntheticSweep.tiedParameters(16), (double) SyntheticSweep.tiedParameters(24))
                .isLessThan(allFit.getAsJsonObject("estimate").get("parameters").getAsDouble());
        assertThat(byUnique.mixtures().get(0).describe()).isNotEqualTo(byAll.mixtures().get(0).describe());
        assertThat(Files.readString(root.resolve("analysis/report.html"))).contains("Parameter counts: unique_parameters");
    }

    @Test
    void parametersIsAllByDefaultAndAnUnknownWordIsAProblemAtTheKey() {
        ConfigDocument defaults = ConfigDocument.parse("threshold: 0.5\n", "sweep.yaml");
        assertThat(AnalysisSettings.bind(defaults.root(), List.of(), defaults).parameters()).isEqualTo(ParameterMeasure.ALL);
        ConfigDocument unique = ConfigDocument.parse("parameters: unique\n", "sweep.yaml");
        assertThat(AnalysisSettings.bind(unique.root(), List.of(), unique).parameters()).isEqualTo(ParameterMeasure.UNIQUE);
        ConfigDocument typo = ConfigDocument.parse("parameters: unqiue\n", "sweep.yaml");
        AnalysisSettings.bind(typo.root(), List.of(), typo);
        typo.finish();
        assertThat(typo.problems()).extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("sweep.yaml:1:13: parameters: expected one of all, unique, found 'unqiue'");
    }

    @Test
    void aMixtureWhoseRunsAreAllAboveOrAllBelowIsABoundAndItsRatioIsABound() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("NEVER", "ALWAYS"), 2,
                (mixture, d, seed) -> OptionalDouble.of(mixture.equals("ALWAYS") ? 0.9 : 0.1));
        AnalysisResult result = new SweepAnalysis(new SweepDirectory(root), index, settings(Optional.empty())).run();

        assertThat(result.mixtures().get(0).describe()).isEqualTo("above "
                + org.threshold.analysis.transition.ParameterCount.format(SyntheticSweep.parameters(48))
                + " (no fit: all 8 runs are at or below 50%)");
        assertThat(result.mixtures().get(1).describe()).startsWith("below "
                + org.threshold.analysis.transition.ParameterCount.format(SyntheticSweep.parameters(16)));
        assertThat(result.ratios()).singleElement().satisfies(r -> assertThat(r.describe()).startsWith("NEVER / ALWAYS: above "));
    }

    @Test
    void aMixtureWithoutAFinishedRunSaysSoAndTheOthersAreStillAnalyzed() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("DONE", "WAITING"), 2,
                (mixture, d, seed) -> mixture.equals("DONE") ? OptionalDouble.of(d >= 32 ? 0.9 : 0.1) : OptionalDouble.empty());
        AnalysisResult result = new SweepAnalysis(new SweepDirectory(root), index, settings(Optional.empty())).run();

        assertThat(result.mixtures().get(1).describe()).isEqualTo("no finished run to fit; 8 of 8 runs have not finished");
        assertThat(result.ratios()).singleElement().satisfies(r -> assertThat(r.describe())
                .isEqualTo("DONE / WAITING: unknown (WAITING has no finished run to fit)"));
        assertThat(Files.readString(root.resolve("summary.csv"))).contains("WAITING," + SyntheticSweep.parameters(16) + ",," + SyntheticSweep.parameters(16)
                + ",16,1,unfinished");
        assertPng(root.resolve("analysis/transition.png"), 600, 500);
    }

    @Test
    void aFittedMetricOtherThanTheHeadlineGetsItsOwnColumn() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("X"), 2, (mixture, d, seed) -> OptionalDouble.of(d >= 32 ? 0.9 : 0.1));
        AnalysisSettings sumAccuracy = new AnalysisSettings(Optional.of("accuracy.SUM"), TransitionSettings.defaults().withResamples(0),
                Optional.empty(), Optional.empty());
        AnalysisResult result = new SweepAnalysis(new SweepDirectory(root), index, sumAccuracy).run();

        assertThat(result.metric()).isEqualTo("accuracy.SUM");
        assertThat(Files.readAllLines(root.resolve("summary.csv")).get(0))
                .isEqualTo("mixture,parameters,test_accuracy,unique_parameters,model.d,seed,accuracy.SUM,status,steps,stop_reason,wall_s,index,run_id");
        assertThat(result.mixtures().get(0).point().orElseThrow().runsAbove()).as("accuracy.SUM is half the headline: never above")
                .isZero();
    }

    @Test
    void aDamagedResultLeavesOnlyItsPointOutNamingTheFileAndADamagedMetricsLogOnlyItsCurves() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("ALONE", "JOINT"), 3, SweepAnalysisTest::appendixCLike);
        Path result = root.resolve("runs").resolve(index.points().get(1).identity()).resolve("result.json");
        Files.writeString(result, "{\"schema\": 1, \"status\": \"fin");
        Path metrics = root.resolve("runs").resolve(index.points().get(2).identity()).resolve("metrics.jsonl");
        List<String> lines = Files.readAllLines(metrics);
        Files.write(metrics, List.of(lines.get(0), "{\"step\": 200, \"metr", lines.get(2), lines.get(3)));

        AnalysisResult analysis = new SweepAnalysis(new SweepDirectory(root), index, settings(Optional.of("ALONE"))).run();

        List<String> summary = Files.readAllLines(root.resolve("summary.csv"));
        assertThat(summary.get(2)).isEqualTo("ALONE," + SyntheticSweep.parameters(16) + ",," + SyntheticSweep.parameters(16)
                + ",16,2,damaged,,,,1," + index.points().get(1).identity());
        assertThat(summary.get(3)).as("its result counts").contains(",finished,400,steps,");
        assertThat(analysis.mixtures().get(0).notes()).contains(
                "point 1 is left out: " + result + " is damaged: it ends in the middle of its JSON (cut short)",
                "point 2: its curves are left out: " + metrics + " is damaged: line 2 is not JSON: {\"step\": 200, \"metr");
        assertThat(analysis.mixtures().get(0).point().orElseThrow().runs()).as("12 points, one unfinished, one damaged").hasSize(10);
        assertThat(analysis.mixtures().get(1).point().orElseThrow().runs()).hasSize(12);
        JsonObject json = Json.parse(Files.readString(root.resolve("analysis/transition.json")));
        assertThat(json.getAsJsonObject("runs").get("damaged").getAsInt()).isEqualTo(1);
        assertThat(Files.readString(root.resolve("analysis/report.html"))).contains("<h2>Failed runs</h2>", "it ends in the middle of its JSON");
    }

    @Test
    void anUnknownBaselineIsRefusedWithTheMixturesThereAre() {
        SweepIndex index = SyntheticSweep.write(root, List.of("SUM-900", "ALL-2700"), 1, (m, d, s) -> OptionalDouble.of(0.5));
        assertThatThrownBy(() -> new SweepAnalysis(new SweepDirectory(root), index, settings(Optional.of("SUM900"))).run())
                .hasMessage("sweep.analysis.baseline: expected one of the mixtures SUM-900, ALL-2700, found 'SUM900' (did you mean 'SUM-900'?)");
    }

    @Test
    void namedRatioPairsReplaceTheBaselineOverEveryOther() throws Exception {
        SweepIndex index = SyntheticSweep.write(root, List.of("ADD", "ADD+PROD", "PROD", "MAX+PROD"), 2,
                (mixture, d, seed) -> OptionalDouble.of(switch (mixture) {
                    case "ADD", "PROD" -> d >= 48 ? 0.9 : 0.1;
                    default -> d >= 24 ? 0.9 : 0.1;
                }));
        AnalysisSettings pairs = new AnalysisSettings(Optional.empty(), TransitionSettings.defaults().withResamples(0),
                Optional.empty(), Optional.empty(), Optional.of(List.of(new AnalysisSettings.RatioPair("ADD", "ADD+PROD"),
                new AnalysisSettings.RatioPair("PROD", "MAX+PROD"))));
        AnalysisResult result = new SweepAnalysis(new SweepDirectory(root), index, pairs).run();

        assertThat(result.ratios()).extracting(TransitionRatio::describe).hasSize(2)
                .satisfiesExactly(r -> assertThat(r).startsWith("ADD / ADD+PROD: "), r -> assertThat(r).startsWith("PROD / MAX+PROD: "));
        JsonArray ratios = Json.parse(Files.readString(root.resolve("analysis/transition.json"))).getAsJsonArray("ratios");
        assertThat(ratios.get(1).getAsJsonObject().get("numerator").getAsString()).isEqualTo("PROD");
        assertThat(ratios.get(1).getAsJsonObject().get("denominator").getAsString()).isEqualTo("MAX+PROD");
    }

    @Test
    void aRatioNamingAnUnknownMixtureIsRefused() {
        SweepIndex index = SyntheticSweep.write(root, List.of("ADD", "ADD+PROD"), 1, (m, d, s) -> OptionalDouble.of(0.5));
        AnalysisSettings pairs = new AnalysisSettings(Optional.empty(), TransitionSettings.defaults().withResamples(0),
                Optional.empty(), Optional.empty(), Optional.of(List.of(new AnalysisSettings.RatioPair("ADD", "ADD+PRODD"))));
        assertThatThrownBy(() -> new SweepAnalysis(new SweepDirectory(root), index, pairs).run())
                .hasMessage("sweep.analysis.ratios[0]: expected mixtures of the sweep (ADD, ADD+PROD), found 'ADD+PRODD' "
                        + "(did you mean 'ADD+PROD'?)");
    }

    static void assertPng(Path file, int width, int height) throws Exception {
        assertThat(file).exists();
        assertThat(Files.size(file)).isGreaterThan(5_000);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }
}
