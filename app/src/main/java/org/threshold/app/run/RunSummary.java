package org.threshold.app.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threshold.runs.run.RunResult;
import org.threshold.trainer.RunOutcome;

/** The one-screen summary {@code threshold run} prints when a run ends (or had ended before). */
public final class RunSummary {

    private RunSummary() {
    }

    public static String of(RunOutcome outcome) {
        RunResult r = outcome.result();
        StringBuilder s = new StringBuilder();
        String how = r.finished() ? "finished" : "FAILED";
        s.append(outcome.trainedNow() ? "Run " : "Run (already done, nothing trained) ").append(r.identity());
        if (!r.name().isBlank()) {
            s.append(" (").append(r.name()).append(')');
        }
        s.append(' ').append(how).append(String.format(Locale.ROOT, ": %,d of %,d steps in %s%n", r.steps(),
                r.plannedSteps(), duration(r.wallSeconds())));
        line(s, "task", r.task());
        String parameters = String.format(Locale.ROOT, "%,d parameters", r.parameters());
        line(s, "model", r.model().contains(parameters) ? r.model() : r.model() + " (" + parameters + ")");
        // a failed run's message (what happened, what to change) is printed once, after the summary
        line(s, "stopped", r.finished() ? r.stopReason().word() + ": " + r.message()
                : r.stopReason().word() + " at step " + r.steps() + " (what happened and what to change: below)");
        if (r.testAccuracy().isPresent()) {
            line(s, "result", String.format(Locale.ROOT, "%s = %.4f", r.metric(), r.testAccuracy().getAsDouble()));
        } else {
            line(s, "result", "no evaluation ran, so there is no " + r.metric());
        }
        r.trainLoss().ifPresent(loss -> line(s, "train loss", String.format(Locale.ROOT, "%.4f (mean since the previous evaluation)", loss)));
        if (!r.metrics().isEmpty()) {
            line(s, "metrics", columns(r.metrics()));
        }
        if (!r.figures().isEmpty()) {
            line(s, "figures", columns(r.figures()));
        }
        if (!r.phases().isEmpty()) {
            List<String> reached = r.phasesReached().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue())).toList();
            String unreached = r.phasesUnreached().isEmpty() ? ""
                    : String.format(Locale.ROOT, "%n%13snot reached: %s", "", String.join(", ", r.phasesUnreached()));
            line(s, "phases", (reached.isEmpty() ? "none reached" : columns(reached)) + unreached);
        }
        line(s, "directory", outcome.directory().path().toString());
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String text) {
        s.append(String.format(Locale.ROOT, "  %-11s%s%n", label, text));
    }

    // counts (drawn, rejected, excluded triplets) read as counts; rates keep four decimals
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 2 && Math.abs(v) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    // metrics in rows of three, aligned, so that a task with many test sets still fits one screen;
    // a column is as wide as its longest cell (edge names such as training_sentences.A->D are long)
    private static String columns(Map<String, Double> values) {
        return columns(values.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue())).toList());
    }

    private static String columns(List<String> cells) {
        int width = Math.max(28, cells.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0 && i % 3 == 0) {
                s.append(String.format(Locale.ROOT, "%n%13s", ""));
            }
            s.append(String.format(Locale.ROOT, "%-" + width + "s", cells.get(i)));
        }
        return s.toString().stripTrailing();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
