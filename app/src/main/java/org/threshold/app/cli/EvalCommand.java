package org.threshold.app.cli;

import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.api.model.Model;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Protocol;
import org.threshold.api.task.Task;
import org.threshold.app.eval.ScoredSet;
import org.threshold.app.probe.RecordedRun;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.CsvFile;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.evaluation.ModelDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threshold eval RUN_DIR [--set NAME] [--predictions FILE]}: scores a trained run's model
 * (its newest checkpoint) on one test set, final-only sets included, and reports a set that
 * follows a published protocol as that protocol does (AdderBoard: passed of 10,010, QUALIFIED at
 * 99%).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores a trained run on one of its task's test sets.",
                "Greedy completions of the set's prompts by the model of the run's newest checkpoint, scored as in training "
                        + "(the same metric names as metrics.jsonl), with the count of prompts passed. A set that follows a "
                        + "published protocol is reported as the protocol does: for adderboard, passed/10,010, accuracy, "
                        + "QUALIFIED or NOT QUALIFIED at 99%, and the first failures."})
final class EvalCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    EvalCommand(ThresholdCommand threshold, Provider<RunPlanner> planner) {
        this.threshold = threshold;
        this.planner = planner;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory (runs/<identity>) with at least one checkpoint.")
    private Path target;

    @Option(names = "--set", paramLabel = "NAME", defaultValue = SampleCommand.HEADLINE,
            description = "The test set, e.g. adderboard (default: ${DEFAULT-VALUE}, the headline set).")
    private String setName;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Also write every prompt's answer as CSV: a,b,expected,predicted,correct for a protocol's set "
                    + "(its own columns first), else prompt,expected,predicted,correct.")
    private Optional<Path> predictions;

    @Option(names = "--failures", paramLabel = "N", defaultValue = "10",
            description = "How many failed prompts to list (default: ${DEFAULT-VALUE}).")
    private int failures;

    @Override
    public Integer call() throws IOException {
        if (failures < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--failures must be >= 0, got " + failures);
        }
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        if (!Files.isDirectory(target)) {
            throw new BadInputException(target + " is not a run directory; threshold run makes one (docs/RUNS.md)");
        }
        RecordedRun run;
        try {
            run = new RecordedRun(new RunDirectory(target), Map.of(), planner.get());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<Long> steps = run.checkpointSteps();
        if (steps.isEmpty()) {
            throw new BadInputException(target + " has no checkpoint with model weights to score");
        }
        long step = steps.get(steps.size() - 1);
        Task task = run.task();
        EvalSet set = SampleCommand.chosen(task, setName);
        ScoredSet scored;
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = run.modelAt(manager, step);
            List<int[]> completions = new ModelDecoder(model, manager, task.contextLength(), task.stopToken()).complete(set.items());
            scored = ScoredSet.of(task, setName, set, completions);
        }
        print(scored, task, run, step);
        if (predictions.isPresent()) {
            CsvFile.write(predictions.get(), scored.predictions(task.vocabulary()));
            spec.commandLine().getOut().println("predictions: " + predictions.get());
        }
        return ExitCode.OK;
    }

    private void print(ScoredSet scored, Task task, RecordedRun run, long step) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("run " + run.id() + ", checkpoint of step " + step + ": " + task.describe());
        out.println(String.format(Locale.ROOT, "set %s: %,d prompts", scored.name(), scored.total()));
        StringBuilder metrics = new StringBuilder("  ");
        scored.metrics().forEach((name, value) -> metrics.append(String.format(Locale.ROOT, "%s %.4f  ", name, value)));
        out.println(metrics.toString().stripTrailing());
        String passed = String.format(Locale.ROOT, "passed %,d/%,d, accuracy %s", scored.passedCount(), scored.total(),
                ScoredSet.percent(scored.accuracy()));
        if (scored.protocol().isPresent()) {
            Protocol p = scored.protocol().get();
            out.println(p.name() + ": " + passed + ": " + (scored.qualifies().orElseThrow() ? "QUALIFIED" : "NOT QUALIFIED")
                    + " (at least " + ScoredSet.percent(p.qualifyingAccuracy()) + ")");
        } else {
            out.println(passed);
        }
        List<Integer> failed = scored.failures();
        if (!failed.isEmpty() && failures > 0) {
            out.println(failed.size() <= failures ? "failures:" : "first " + failures + " failures:");
            for (int i : failed.subList(0, Math.min(failures, failed.size()))) {
                out.println("  " + scored.failure(i, task.vocabulary()));
            }
        }
    }
}
