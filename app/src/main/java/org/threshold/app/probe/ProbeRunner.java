package org.threshold.app.probe;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threshold.analysis.report.HtmlReport;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.Table;

/**
 * Runs chosen probes on runs, each into {@code <target>/probes/<name>/}, and says what they found.
 * A probe that cannot work on the runs given (an empty group, a missing test set) is reported with
 * its message; the others still run.
 */
public final class ProbeRunner {

    /** How many figures the terminal summary shows per probe; the rest are in its files. */
    static final int FIGURES_SHOWN = 12;

    /** One probe's outcome: its report, or why it could not run. */
    public record Outcome(ProbeList.Chosen probe, Path directory, java.util.Optional<ProbeReport> report, String problem) {

        public boolean ok() {
            return report.isPresent();
        }
    }

    private ProbeRunner() {
    }

    public static List<Outcome> run(List<ProbeList.Chosen> probes, List<TrainedRun> runs, java.util.function.Function<String, Path> output)
            throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (ProbeList.Chosen chosen : probes) {
            Path directory = output.apply(chosen.directoryName());
            try {
                ProbeReport report = chosen.probe().run(new ProbeInput(runs, directory));
                outcomes.add(new Outcome(chosen, directory, java.util.Optional.of(report), ""));
            } catch (IllegalArgumentException | IllegalStateException | DamagedFileException | java.io.UncheckedIOException e) {
                outcomes.add(new Outcome(chosen, directory, java.util.Optional.empty(), e.getMessage()));
            }
        }
        return outcomes;
    }

    /** A few lines per probe: where its files are, its numbers (the first few), its notes. */
    public static void print(PrintWriter out, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (!o.ok()) {
                out.println("probe " + o.probe().directoryName() + ": FAILED: " + o.problem());
                continue;
            }
            ProbeReport report = o.report().get();
            out.println("probe " + o.probe().directoryName() + " -> " + o.directory());
            int shown = 0;
            for (Map.Entry<String, Double> f : report.figures().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                if (shown++ == FIGURES_SHOWN) {
                    out.println("  … " + (report.figures().size() - FIGURES_SHOWN) + " more figures in its JSON");
                    break;
                }
                out.println("  " + f.getKey() + " = " + format(f.getValue()));
            }
            report.notes().forEach(n -> out.println("  note: " + n));
            report.files().forEach(f -> out.println("  file " + o.directory().relativize(f)));
        }
        out.flush();
    }

    /** The probes' pictures and notes as a section of a sweep's report.html. */
    public static void addTo(HtmlReport report, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        report.heading("Probes");
        for (Outcome o : outcomes) {
            if (!o.ok()) {
                report.note("probe " + o.probe().directoryName() + " failed: " + o.problem());
                continue;
            }
            ProbeReport r = o.report().get();
            report.paragraph("Probe " + o.probe().directoryName() + ": files in probes/" + o.probe().directoryName() + "/");
            r.notes().forEach(report::note);
            org.threshold.runs.Table.Builder table = org.threshold.runs.Table.withColumns("figure", "value");
            r.figures().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> table.row(e.getKey(), format(e.getValue())));
            if (!r.figures().isEmpty()) {
                report.table(table.build());
            }
            for (Path file : r.files()) {
                if (file.getFileName().toString().endsWith(".png")) {
                    try {
                        report.image(file, o.probe().directoryName() + ": " + file.getFileName());
                    } catch (IOException e) {
                        report.note("cannot read " + file + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
