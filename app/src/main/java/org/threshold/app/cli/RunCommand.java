package org.threshold.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threshold.api.config.ConfigDocument;
import org.threshold.app.probe.ProbeList;
import org.threshold.app.probe.ProbeRunner;
import org.threshold.app.probe.ProbeTarget;
import org.threshold.app.probe.RecordedRun;
import org.threshold.app.run.RunLog;
import org.threshold.app.run.RunProgress;
import org.threshold.app.run.RunSummary;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.trainer.AdamLearner;
import org.threshold.trainer.RunOutcome;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.Trainer;
import org.threshold.trainer.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code threshold run CONFIG}: trains one run into its run directory (docs/RUNS.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Trains, evaluates and records one run.",
                "The run directory is <runtime.output>/<identity>: the resolved config, metrics.jsonl (one line per "
                        + "evaluation), checkpoints, provenance.json and, at the end, result.json (docs/RUNS.md). Started "
                        + "again, a run continues from its last checkpoint; a run that has ended is not trained again.",
                "The run file's probes: (docs/PROBES.md) run at the end and write into <run directory>/probes/.",
                "Exit code 1 also when the training loss diverged (NaN or infinite): the message says what to change."})
final class RunCommand implements Callable<Integer> {

    /** What the run directory's {@code command} file says: run there, it trains a fresh copy of the run. */
    static final String REPRODUCE = "threshold run config.yaml";

    @ParentCommand
    private ThresholdCommand threshold;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run file (YAML), see docs/CONFIG.md.")
    private Path config;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        threshold.warnAboutPluginProblems(err);
        RunPlan plan = threshold.injector().getInstance(RunPlanner.class).plan(ConfigDocument.read(config));
        out.println("run " + plan.identity() + ": " + plan.task().describe() + "; " + plan.model().summary());
        out.println("run directory: " + Path.of(plan.runtime().output()).resolve(plan.identity()));
        out.flush();
        // a progress bar where someone watches; plain lines, one per evaluation, in logs
        TrainingListener listener = System.console() != null
                ? new RunProgress(System.err, plan.metric())
                : new RunLog(out, plan.metric());
        RunOutcome outcome = new Trainer(AdamLearner::new).run(plan, listener, REPRODUCE);
        out.print(RunSummary.of(outcome));
        if (!outcome.trainedNow()) {
            out.println("The run had ended before; its result is " + outcome.directory().result());
        }
        if (!outcome.result().finished()) {
            err.println("threshold: the run failed: " + outcome.result().message());
            return ExitCode.INTERNAL_FAILURE;
        }
        return probes(outcome, out, err);
    }

    /**
     * The run file's probes, on the finished run (docs/PROBES.md): after training, and on a run
     * that had ended before when a probe's directory is missing.
     */
    private int probes(RunOutcome outcome, PrintWriter out, PrintWriter err) throws java.io.IOException {
        List<ProbeList.Chosen> probes = ProbeList.bind(ProbeTarget.probesOf(ConfigDocument.read(config).tree(), false),
                config.toString(), ProbeCommand.providers(threshold));
        Path root = outcome.directory().path();
        List<ProbeList.Chosen> due = probes.stream()
                .filter(p -> outcome.trainedNow() || !Files.isDirectory(root.resolve("probes").resolve(p.directoryName()))).toList();
        if (due.isEmpty()) {
            return ExitCode.OK;
        }
        RecordedRun run = new RecordedRun(outcome.directory(), Map.of(), threshold.injector().getInstance(RunPlanner.class));
        List<ProbeRunner.Outcome> outcomes = ProbeRunner.run(due, List.of(run), name -> root.resolve("probes").resolve(name));
        ProbeRunner.print(out, outcomes);
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (failed > 0) {
            err.println("threshold: " + failed + " of " + outcomes.size() + " probes could not run on the run (see above); "
                    + "the run itself is finished");
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.OK;
    }
}
