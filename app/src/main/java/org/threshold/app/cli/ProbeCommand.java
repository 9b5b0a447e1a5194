package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.DidYouMean;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.app.probe.ProbeList;
import org.threshold.app.probe.ProbeRunner;
import org.threshold.app.probe.ProbeTarget;
import org.threshold.app.runfile.RunPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threshold probe TARGET [--probe NAME ...] [--config PROBES.yaml]}: probes of trained runs (docs/PROBES.md). */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Runs probes on a run directory or on the finished runs of a sweep directory.",
                "Each probe writes its numbers (JSON, CSV) and pictures (PNG) into TARGET/probes/<probe>/ and is summarised "
                        + "here. Which probes: those of --config, else those the target's own config lists (a run's probes:, "
                        + "a sweep's sweep.probes:); --probe NAME keeps only the probes of that type, or runs it with its "
                        + "defaults when none is listed. See docs/PROBES.md."})
final class ProbeCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;
    private final Provider<Map<String, ProbeProvider<?>>> probeProviders;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    ProbeCommand(ThresholdCommand threshold,
                 Provider<RunPlanner> planner,
                 Provider<Map<String, ProbeProvider<?>>> probeProviders) {
        this.threshold = threshold;
        this.planner = planner;
        this.probeProviders = probeProviders;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TARGET", description = "A run directory (runs/<identity>) or a sweep directory (<sweep.output>/<sweep.name>).")
    private Path target;

    @Option(names = "--probe", paramLabel = "NAME", description = "A probe plugin to run (repeatable), e.g. embedding-pca.")
    private List<String> names = new ArrayList<>();

    @Option(names = "--config", paramLabel = "PROBES.yaml", description = "A YAML file with a probes: list (docs/PROBES.md).")
    private Path config;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        Map<String, ProbeProvider<?>> providers = probeProviders.get();
        for (String name : names) {
            if (!providers.containsKey(name)) {
                throw SweepCommand.badOption(spec, "--probe " + name + ": expected one of the probe plugins "
                        + String.join(", ", providers.keySet()) + DidYouMean.hint(name, providers.keySet()));
            }
        }
        RunPlanner planner = this.planner.get();
        ProbeTarget probed;
        try {
            probed = ProbeTarget.of(target, planner);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<ProbeList.Chosen> listed;
        String source;
        if (config != null) {
            ConfigDocument document = ConfigDocument.read(config);
            Optional<ConfigNode> node = document.root().node("probes");
            document.check();
            if (node.isEmpty()) {
                throw new BadInputException(config + " has no probes: list (docs/PROBES.md)");
            }
            listed = ProbeList.bind(node, config.toString(), providers);
            source = config.toString();
        } else {
            listed = ProbeList.bind(probed.ownProbes(), probed.configFile().toString(),
                    providers);
            source = probed.sweep() ? "the sweep's sweep.probes" : "the run's probes";
        }
        List<ProbeList.Chosen> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            chosen.addAll(listed);
        } else {
            for (String name : names) {
                List<ProbeList.Chosen> ofType = listed.stream().filter(c -> c.type().equals(name)).toList();
                chosen.addAll(ofType.isEmpty() ? List.of(ProbeList.defaults(name, providers)) : ofType);
            }
        }
        if (chosen.isEmpty()) {
            throw new BadInputException("no probes to run: " + source + " lists none; name one with --probe NAME ("
                    + String.join(", ", providers.keySet()) + ") or give --config PROBES.yaml");
        }
        if (probed.runs().isEmpty()) {
            throw new BadInputException(target + " has no finished run to probe" + (probed.notes().isEmpty() ? ""
                    : " (" + String.join("; ", probed.notes()) + ")"));
        }
        out.println((probed.sweep() ? "sweep " : "run ") + target + ": " + probed.runs().size() + " run(s)");
        probed.notes().forEach(n -> out.println("note: " + n));
        List<ProbeRunner.Outcome> outcomes = ProbeRunner.run(chosen, probed.runs(), probed::output);
        ProbeRunner.print(out, outcomes);
        if (outcomes.stream().anyMatch(o -> !o.ok())) {
            spec.commandLine().getErr().println("threshold: " + outcomes.stream().filter(o -> !o.ok()).count() + " of "
                    + outcomes.size() + " probes could not run on these runs (see above)");
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.OK;
    }

}
