package org.threshold.analysis.sweep;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.threshold.analysis.plot.Figure;
import org.threshold.analysis.plot.TrainingCurvesFigure;
import org.threshold.analysis.plot.TransitionBarChart;
import org.threshold.analysis.plot.TransitionFigure;
import org.threshold.analysis.report.HtmlReport;
import org.threshold.analysis.transition.LearnedTransition;
import org.threshold.analysis.transition.LearnedTransitionAnalysis;
import org.threshold.analysis.transition.ParameterCount;
import org.threshold.analysis.transition.RunAccuracy;
import org.threshold.analysis.transition.SizeTally;
import org.threshold.analysis.transition.TransitionAnalysis;
import org.threshold.analysis.transition.TransitionPoint;
import org.threshold.analysis.transition.TransitionRatio;
import org.threshold.api.config.DidYouMean;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.CsvFile;
import org.threshold.runs.Table;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/**
 * {@code threshold analyze SWEEP_DIR} (SPEC section 7): per mixture, the logistic fit of the
 * named metric against log10(parameters) over its finished runs, the transition point at the
 * threshold with its bootstrap interval over seeds (or the bound, or why there is none), the plain
 * count of runs above the threshold per size, and the ratio of the baseline's transition point to
 * every other mixture's. Writes summary.csv and, in analysis/, transition.json, the figures and
 * report.html (docs/SWEEPS.md).
 *
 * <p>Runs that have not finished, failed, or lack the metric are left out of the fits and named
 * in the notes; a mixture with no run to fit says so. Nothing is estimated that the runs do not
 * show: the degenerate cases are the analysis module's (a bound, "too few points", "no fit").
 */
public final class SweepAnalysis {

    private final SweepDirectory directory;
    private final SweepIndex index;
    private final AnalysisSettings settings;
    private final java.util.function.Consumer<HtmlReport> extraSections;

    public SweepAnalysis(SweepDirectory directory, SweepIndex index, AnalysisSettings settings) {
        this(directory, index, settings, report -> { });
    }

    /**
     * @param extraSections adds sections to report.html after the training curves (the app adds the
     *     sweep's probes there)
     */
    public SweepAnalysis(SweepDirectory directory, SweepIndex index, AnalysisSettings settings,
                         java.util.function.Consumer<HtmlReport> extraSections) {
        this.directory = directory;
        this.index = index;
        this.settings = settings;
        this.extraSections = extraSections;
    }

    /**
     * The baseline, and every mixture a ratio names, must be one of the sweep's mixtures; checked
     * before a sweep trains, so that a typo does not cost the whole sweep.
     *
     * @return the problem, if any
     */
    public static Optional<String> baselineProblem(AnalysisSettings settings, List<String> mixtures) {
        Optional<String> baseline = settings.baseline().filter(b -> !mixtures.contains(b)).map(b -> "sweep.analysis.baseline: "
                + "expected one of the mixtures " + String.join(", ", mixtures) + ", found '" + b + "'"
                + DidYouMean.hint(b, mixtures));
        if (baseline.isPresent()) {
            return baseline;
        }
        List<AnalysisSettings.RatioPair> pairs = settings.ratios().orElse(List.of());
        for (int i = 0; i < pairs.size(); i++) {
            for (String name : List.of(pairs.get(i).numerator(), pairs.get(i).denominator())) {
                if (!mixtures.contains(name)) {
                    return Optional.of("sweep.analysis.ratios[" + i + "]: expected mixtures of the sweep ("
                            + String.join(", ", mixtures) + "), found '" + name + "'" + DidYouMean.hint(name, mixtures));
                }
            }
        }
        return Optional.empty();
    }

    public AnalysisResult run() throws IOException {
        baselineProblem(settings, index.mixtures()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        List<SweepRun> runs = SweepRuns.read(directory, index, settings.metric());
        String metric = settings.metric().orElse(index.points().isEmpty() ? "accuracy" : index.points().get(0).metric());
        boolean otherThanHeadline = settings.metric().isPresent()
                && index.points().stream().anyMatch(p -> !p.metric().equals(settings.metric().get()));
        List<Path> files = new ArrayList<>();

        Table summary = SummaryTable.of(index, runs, otherThanHeadline ? settings.metric() : Optional.empty());
        CsvFile.write(directory.summaryCsv(), summary);
        files.add(directory.summaryCsv());

        TransitionAnalysis analysis = new TransitionAnalysis(settings.transition());
        LearnedTransitionAnalysis learnedAnalysis = new LearnedTransitionAnalysis(settings.transition());
        List<MixtureTransition> mixtures = new ArrayList<>();
        for (String mixture : index.mixtures()) {
            mixtures.add(transition(analysis, learnedAnalysis, mixture,
                    runs.stream().filter(r -> r.point().mixture().equals(mixture)).toList()));
        }
        List<TransitionRatio> ratios = ratios(mixtures);
        List<String> counts = new ArrayList<>();
        for (MixtureTransition m : mixtures) {
            m.point().ifPresent(p -> counts.add(m.mixture() + ", runs above " + percent(p.threshold()) + ": "
                    + String.join(", ", p.tallies().stream().map(SizeTally::describe).toList())));
        }

        Path out = directory.analysis();
        Files.createDirectories(out);
        JsonObject json = TransitionJson.of(index.name(), metric, settings.transition(), mixtures, ratios, runCounts(runs));
        if (settings.parameters() != ParameterMeasure.ALL) {
            json.addProperty("parameter_count", settings.parameters().word()); // absent: all, as before the key existed
        }
        AtomicFile.writeText(directory.transitionJson(), TransitionJson.text(json));
        files.add(directory.transitionJson());

        List<TransitionPoint> points = mixtures.stream().map(MixtureTransition::point).flatMap(Optional::stream).toList();
        List<Picture> pictures = new ArrayList<>();
        if (!points.isEmpty()) {
            pictures.add(new Picture("transition.png", new TransitionFigure(index.name() + ": " + metric + " against "
                    + settings.parameters().label(), points), metric + " of every finished run against its "
                    + (settings.parameters() == ParameterMeasure.UNIQUE ? "unique " : "") + "parameter count, per mixture: red above the "
                    + percent(settings.transition().threshold()) + " threshold, blue at or below, the logistic fit dashed, the "
                    + "transition point starred with its bootstrap interval"));
            pictures.add(new Picture("transition-bars.png", new TransitionBarChart(index.name() + ": transition points", points),
                    "Transition point per mixture; a hatched bar is a bound"));
        }
        List<String> curveMetrics = curveMetrics(runs, metric);
        for (CurveFigures.Group group : CurveFigures.groups(index, runs, settings.curves())) {
            pictures.add(new Picture(group.file(), new TrainingCurvesFigure(group.title(), group.curves(), "loss", curveMetrics),
                    group.title() + ": mean training loss (top) and " + String.join(", ", curveMetrics) + " (bottom) per evaluation"));
        }
        for (Picture picture : pictures) {
            picture.figure().writePng(out.resolve(picture.file()));
            files.add(out.resolve(picture.file()));
        }

        report(metric, runs, mixtures, ratios, summary, pictures).write(directory.report());
        files.add(directory.report());
        return new AnalysisResult(metric, mixtures, ratios, counts, files);
    }

    /** The separation, the fit's notes and a disagreement with the accuracy fit, in that order. */
    private static List<String> learnedNotes(MixtureTransition m, LearnedTransition l) {
        List<String> notes = new ArrayList<>();
        l.separation().ifPresent(s -> notes.add(s.describe()));
        notes.addAll(l.notes());
        m.disagreement().ifPresent(notes::add);
        return notes;
    }

    private record Picture(String file, Figure figure, String caption) {
    }

    private MixtureTransition transition(TransitionAnalysis analysis, LearnedTransitionAnalysis learnedAnalysis, String mixture,
                                         List<SweepRun> runs) {
        List<RunAccuracy> fitted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SweepRun run : runs) {
            if (run.fitted().isPresent()) {
                fitted.add(new RunAccuracy(run.point().seedLabel(), settings.parameters().of(run), run.fitted().getAsDouble()));
            }
        }
        long unfinished = runs.stream().filter(r -> r.status() == RunStatus.RUNNING || r.status() == RunStatus.UNFINISHED).count();
        long failed = runs.stream().filter(r -> r.status() == RunStatus.FAILED).count();
        if (unfinished > 0) {
            notes.add(unfinished + " of " + runs.size() + " runs have not finished");
        }
        if (failed > 0) {
            notes.add(failed + " of " + runs.size() + " runs failed");
        }
        runs.stream().filter(r -> r.status() == RunStatus.DAMAGED)
                .forEach(r -> notes.add("point " + r.point().index() + " is left out: " + r.problem().orElse("a file is damaged")));
        runs.forEach(r -> r.notes().forEach(n -> notes.add("point " + r.point().index() + ": " + n)));
        runs.stream().filter(r -> r.status() == RunStatus.FINISHED && r.fitted().isEmpty())
                .forEach(r -> notes.add("point " + r.point().index() + " " + r.problem().orElse("cannot be fitted")));
        if (fitted.isEmpty()) {
            return new MixtureTransition(mixture, Optional.empty(), Optional.empty(), notes);
        }
        return new MixtureTransition(mixture, Optional.of(analysis.analyze(mixture, fitted)),
                Optional.of(learnedAnalysis.analyze(mixture, fitted)), notes);
    }

    /** The pairs of sweep.analysis.ratios, or else the baseline's transition point over every other mixture's. */
    private List<TransitionRatio> ratios(List<MixtureTransition> mixtures) {
        List<AnalysisSettings.RatioPair> pairs = settings.ratios().orElseGet(() -> {
            if (mixtures.size() < 2) {
                return List.of();
            }
            String baseline = settings.baseline().orElse(mixtures.get(0).mixture());
            return mixtures.stream().map(MixtureTransition::mixture).filter(m -> !m.equals(baseline))
                    .map(m -> new AnalysisSettings.RatioPair(baseline, m)).toList();
        });
        List<TransitionRatio> ratios = new ArrayList<>();
        for (AnalysisSettings.RatioPair pair : pairs) {
            Optional<TransitionPoint> numerator = point(mixtures, pair.numerator());
            Optional<TransitionPoint> denominator = point(mixtures, pair.denominator());
            if (numerator.isEmpty() || denominator.isEmpty()) {
                String missing = numerator.isEmpty() ? pair.numerator() : pair.denominator();
                ratios.add(new TransitionRatio.Unknown(pair.numerator(), pair.denominator(),
                        missing + " has no finished run to fit"));
            } else {
                ratios.add(TransitionRatio.of(numerator.get(), denominator.get()));
            }
        }
        return ratios;
    }

    private static Optional<TransitionPoint> point(List<MixtureTransition> mixtures, String mixture) {
        return mixtures.stream().filter(m -> m.mixture().equals(mixture)).findFirst().flatMap(MixtureTransition::point);
    }

    /** The fitted metric, and the accuracy on training prompts when the runs report it (memorization shows). */
    private static List<String> curveMetrics(List<SweepRun> runs, String metric) {
        boolean train = !metric.equals("accuracy.train") && runs.stream()
                .anyMatch(r -> r.evaluations().stream().anyMatch(e -> e.metrics().containsKey("accuracy.train")));
        return train ? List.of(metric, "accuracy.train") : List.of(metric);
    }

    private static JsonObject runCounts(List<SweepRun> runs) {
        JsonObject o = new JsonObject();
        o.addProperty("points", runs.size());
        for (RunStatus status : RunStatus.values()) {
            o.addProperty(status.word(), runs.stream().filter(r -> r.status() == status).count());
        }
        return o;
    }

    private HtmlReport report(String metric, List<SweepRun> runs, List<MixtureTransition> mixtures,
                              List<TransitionRatio> ratios, Table summary, List<Picture> pictures) {
        double threshold = settings.transition().threshold();
        HtmlReport report = HtmlReport.titled("Sweep " + index.name());
        Map<RunStatus, Long> byStatus = new TreeMap<>();
        runs.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        report.paragraph(runs.size() + " grid points: " + String.join(", ", byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word()).toList()) + ". Fitted metric: " + metric + "; threshold "
                + percent(threshold) + "; " + percent(settings.transition().confidence()) + " bootstrap interval over seeds ("
                + settings.transition().resamples() + " resamples)."
                + (settings.parameters() == ParameterMeasure.UNIQUE ? " Parameter counts: unique_parameters (SPEC section 9: a "
                + "tied matrix once, fixed encodings zero)." : ""));
        report.preformatted("threshold analyze " + directory.root());

        report.heading("Transition points");
        Table.Builder table = Table.withColumns("mixture", "runs fitted", "above " + percent(threshold), "transition point",
                "interval", "step-like", "notes");
        for (MixtureTransition m : mixtures) {
            if (m.point().isEmpty()) {
                table.row(m.mixture(), "0", "", "no finished run to fit", "", "", String.join("; ", m.notes()));
                continue;
            }
            TransitionPoint p = m.point().get();
            List<String> notes = new ArrayList<>(p.notes());
            notes.addAll(m.notes());
            table.row(m.mixture(), Integer.toString(p.runs().size()), Integer.toString(p.runsAbove()), p.estimate().describe()
                            + (p.estimate() instanceof org.threshold.analysis.transition.TransitionEstimate.Bounded b ? " (" + b.reason() + ")" : ""),
                    p.interval().map(ci -> ci.describe() + "; " + ci.crossingSummary(threshold)).orElse(""),
                    p.stepLike() ? "yes" : "no", String.join("; ", notes));
        }
        report.table(table.build());
        report.paragraph("Second estimator: each run learned or not (" + metric + " at or above " + percent(threshold)
                + "), P(learned) against log10(parameters) fitted by Firth-penalized maximum likelihood; the transition "
                + "point is where P(learned) = 50%.");
        Table.Builder learnedTable = Table.withColumns("mixture", "runs learned", "transition point", "interval", "notes");
        for (MixtureTransition m : mixtures) {
            m.learned().ifPresent(l -> learnedTable.row(m.mixture(), l.learned() + " of " + l.runs(), l.estimate().describe()
                            + (l.estimate() instanceof org.threshold.analysis.transition.TransitionEstimate.Bounded b ? " (" + b.reason() + ")" : ""),
                    l.interval().map(ci -> ci.describe() + "; " + ci.crossingSummary(threshold)).orElse(""),
                    String.join("; ", learnedNotes(m, l))));
        }
        report.table(learnedTable.build());
        for (TransitionRatio r : ratios) {
            report.paragraph("Ratio " + r.describe());
        }
        pictures.stream().filter(p -> p.file().startsWith("transition")).forEach(p -> report.image(p.figure().png(), p.caption()));

        report.heading("Runs above " + percent(threshold) + " per size");
        report.table(countTable(mixtures, settings.parameters()));

        List<Picture> curves = pictures.stream().filter(p -> p.file().startsWith("curves")).toList();
        if (!curves.isEmpty()) {
            report.heading("Training curves");
            curves.forEach(p -> report.image(p.figure().png(), p.caption()));
        }

        extraSections.accept(report);

        List<SweepRun> failed = runs.stream().filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.DAMAGED).toList();
        if (!failed.isEmpty()) {
            report.heading("Failed runs");
            Table.Builder failures = Table.withColumns("index", "mixture", "run", "what happened");
            failed.forEach(r -> failures.row(Integer.toString(r.point().index()), r.point().mixture(), "runs/" + r.point().identity(),
                    r.problem().orElse("")));
            report.table(failures.build());
        }
        report.heading("Runs");
        report.note("summary.csv holds this table with every number in full precision.");
        report.table(summary);
        return report;
    }

    /** One row per size, one column per mixture: "2 of 4". */
    private static Table countTable(List<MixtureTransition> mixtures, ParameterMeasure measure) {
        TreeSet<Long> sizes = new TreeSet<>();
        mixtures.forEach(m -> m.point().ifPresent(p -> p.tallies().forEach(t -> sizes.add(t.parameters()))));
        List<String> columns = new ArrayList<>(List.of(measure.label()));
        mixtures.forEach(m -> columns.add(m.mixture()));
        Table.Builder table = Table.withColumns(columns);
        for (long size : sizes) {
            List<String> row = new ArrayList<>(List.of(ParameterCount.format(size) + " (" + size + ")"));
            for (MixtureTransition m : mixtures) {
                row.add(m.point().flatMap(p -> p.tallies().stream().filter(t -> t.parameters() == size).findFirst())
                        .map(t -> t.above() + " of " + t.runs()).orElse(""));
            }
            table.row(row);
        }
        return table.build();
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }
}
