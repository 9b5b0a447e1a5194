package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.probe.ProbeProvider;
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

    private final Provider<RunPlanner> planner;
    private final Provider<Map<String, ProbeProvider<?>>> providers;

    @Inject
    SweepProbes(Provider<RunPlanner> planner, Provider<Map<String, ProbeProvider<?>>> providers) {
        this.planner = planner;
        this.providers = providers;
    }

    /** @throws org.threshold.api.config.ConfigException with the list's problems */
    List<ProbeList.Chosen> bind(Path sweepFile) {
        return ProbeList.bind(ProbeTarget.probesOf(ConfigDocument.read(sweepFile).tree(), true), sweepFile.toString(),
                providers.get());
    }

    /** Runs them into SWEEP/probes/ and prints the summary; nothing when the sweep lists none. */
    List<ProbeRunner.Outcome> run(List<ProbeList.Chosen> probes, SweepDirectory directory, SweepIndex index, PrintWriter out) throws IOException {
        if (probes.isEmpty()) {
            return List.of();
        }
        ProbeTarget target = ProbeTarget.sweep(directory, index, planner.get());
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
