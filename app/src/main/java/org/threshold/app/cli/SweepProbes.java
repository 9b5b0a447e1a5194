package org.threshold.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.threshold.api.config.ConfigDocument;
import org.threshold.app.probe.ProbeList;
import org.threshold.app.probe.ProbeRunner;
import org.threshold.app.probe.ProbeTarget;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/**
 * A sweep file's {@code sweep.probes:} (docs/PROBES.md): bound before the sweep trains, so a typo
 * costs nothing, and run on the finished runs by {@code threshold sweep} and {@code analyze}
 * before report.html is written, which then shows their numbers and pictures.
 */
final class SweepProbes {

    private SweepProbes() {
    }

    /** @throws org.threshold.api.config.ConfigException with the list's problems */
    static List<ProbeList.Chosen> bind(Path sweepFile, ThresholdCommand threshold) {
        return ProbeList.bind(ProbeTarget.probesOf(ConfigDocument.read(sweepFile).tree(), true), sweepFile.toString(),
                ProbeCommand.providers(threshold));
    }

    /** Runs them into SWEEP/probes/ and prints the summary; nothing when the sweep lists none. */
    static List<ProbeRunner.Outcome> run(List<ProbeList.Chosen> probes, SweepDirectory directory, SweepIndex index,
                                        ThresholdCommand threshold, PrintWriter out) throws IOException {
        if (probes.isEmpty()) {
            return List.of();
        }
        ProbeTarget target = ProbeTarget.sweep(directory, index, threshold.injector().getInstance(RunPlanner.class));
        if (target.runs().isEmpty()) {
            out.println("probes: no finished run to probe");
            return List.of();
        }
        target.notes().forEach(n -> out.println("probes: " + n));
        List<ProbeRunner.Outcome> outcomes = ProbeRunner.run(probes, target.runs(), target::output);
        ProbeRunner.print(out, outcomes);
        return outcomes;
    }
}
