package org.threshold.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.threshold.api.config.ConfigDocument;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.RunLock;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;
import org.threshold.trainer.AdamLearner;
import org.threshold.trainer.RunOutcome;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.RuntimeConfig;
import org.threshold.trainer.Trainer;

/**
 * The damaged files of a sweep's runs, found before {@code sweep} or {@code analyze} reads them
 * and said in the command's own output (not only in a point's log): the point, its run, the file,
 * what is wrong, and what becomes of it (docs/RUNS.md, "What survives what"). Nothing computed is
 * thrown away: a damaged result.json is rebuilt from the run's final checkpoint and metrics.jsonl,
 * a damaged checkpoint gives way to the newest readable one, and only a point whose checkpoints
 * are all unreadable waits for someone to train it again ({@code --retrain}).
 */
final class DamagedRuns {

    /** What becomes of a damaged file. */
    enum Fate {
        /** result.json, with a readable final checkpoint: rebuilt from it and metrics.jsonl, nothing trained. */
        REBUILT,
        /** the run continues from the newest readable checkpoint, older than the damaged one or its result. */
        RESUMED,
        /** result.json of a run without checkpoints: the point trains again from step 0. */
        RESTARTED,
        /** checkpoints none of which can be read, and no result: not trained again unasked. */
        UNREADABLE,
        /** another file (a line of metrics.jsonl, provenance.json, failure.json). */
        NOTED
    }

    /**
     * One damaged file of a point.
     *
     * @param point the grid point
     * @param damage the file and what is wrong
     * @param fate what becomes of it
     * @param fromStep the checkpoint the run continues from or is rebuilt from (0: none)
     */
    record Finding(IndexEntry point, DamagedFileException damage, Fate fate, long fromStep) {

        /** "point 3 (3f9a2c1d0b7e): /…/result.json is damaged: it is empty". */
        String what() {
            return "point " + point.index() + " (" + point.identity() + "): " + damage.getMessage();
        }
    }

    private DamagedRuns() {
    }

    /** Every damaged file of the sweep's run directories, in point order. */
    static List<Finding> find(SweepDirectory sweep, SweepIndex index) {
        List<Finding> findings = new ArrayList<>();
        for (IndexEntry point : index.points()) {
            RunDirectory run = sweep.run(point.identity());
            if (Files.isDirectory(run.path())) {
                findings.addAll(find(point, run));
            }
        }
        return findings;
    }

    private static List<Finding> find(IndexEntry point, RunDirectory run) {
        List<Finding> findings = new ArrayList<>();
        Optional<DamagedFileException> resultDamage = Optional.empty();
        boolean ended = false;
        try {
            ended = run.readResult().isPresent();
        } catch (DamagedFileException e) {
            resultDamage = Optional.of(e);
        }
        List<CheckpointLayout.Inspection> checkpoints;
        try {
            // a finished run's checkpoints are not read (a sweep asks this of every point each time it starts);
            // an unfinished one's down to the checkpoint it would continue from
            checkpoints = ended ? List.of() : new CheckpointLayout(run.checkpoints()).inspectDownToReadable();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints of " + run.path(), e);
        }
        Optional<CheckpointLayout.Inspection> readable = checkpoints.stream().filter(CheckpointLayout.Inspection::readable).findFirst();
        long from = readable.map(CheckpointLayout.Inspection::step).orElse(0L);
        if (resultDamage.isPresent()) {
            Fate fate = readable.map(c -> c.ended() ? Fate.REBUILT : Fate.RESUMED)
                    .orElse(checkpoints.isEmpty() ? Fate.RESTARTED : Fate.UNREADABLE);
            findings.add(new Finding(point, resultDamage.get(), fate, from));
        }
        for (CheckpointLayout.Inspection c : checkpoints) {
            if (c.damage().isPresent()) {
                findings.add(new Finding(point, c.damage().get(), readable.isPresent() ? Fate.RESUMED : Fate.UNREADABLE, from));
            }
        }
        noted(point, () -> run.metrics().read()).ifPresent(findings::add);
        noted(point, run::readProvenance).ifPresent(findings::add);
        if (!ended && resultDamage.isEmpty()) {
            noted(point, () -> PointFailure.read(run.path())).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> noted(IndexEntry point, Runnable read) {
        try {
            read.run();
            return Optional.empty();
        } catch (DamagedFileException e) {
            return Optional.of(new Finding(point, e, Fate.NOTED, 0));
        }
    }

    private interface Runnable {
        Object run();
    }

    /**
     * What {@code threshold sweep} does with it, which runs the point: one line.
     *
     * @param command the command that runs one point, by index ({@code threshold run SWEEP --index I})
     */
    static String beforeRunning(Finding f, IntFunction<String> command) {
        String name = f.damage().file().getFileName().toString();
        String then = switch (f.fate()) {
            case REBUILT -> "the point runs again and rebuilds it from its final checkpoint (step " + f.fromStep()
                    + ") and metrics.jsonl, without training";
            case RESUMED -> "the point continues from its checkpoint of step " + f.fromStep();
            case RESTARTED -> "the run has no checkpoint, so the point trains again from step 0";
            case UNREADABLE -> unreadable(f, command);
            case NOTED -> noted(name);
        };
        return f.what() + "; " + then;
    }

    /**
     * What {@code threshold analyze} can say of it, which trains nothing (a result it could
     * rebuild here is reported by {@link #rebuild}): one line naming the command that repairs it.
     */
    static String forAnalysis(Finding f, IntFunction<String> command) {
        String name = f.damage().file().getFileName().toString();
        String then = switch (f.fate()) {
            case REBUILT -> "'" + command.apply(f.point().index()) + "' rebuilds it from the run's final checkpoint (step "
                    + f.fromStep() + ") and metrics.jsonl, without training";
            case RESUMED -> "the point is left out; '" + command.apply(f.point().index()) + "' continues it from its checkpoint of step "
                    + f.fromStep();
            case RESTARTED -> "the point is left out; '" + command.apply(f.point().index()) + "' trains it again from step 0";
            case UNREADABLE -> "the point is left out; " + unreadable(f, command);
            case NOTED -> noted(name);
        };
        return f.what() + "; " + then;
    }

    private static String unreadable(Finding f, IntFunction<String> command) {
        return "none of its checkpoints can be read, so it is not trained again unasked: '" + command.apply(f.point().index())
                + " --retrain' trains it from step 0, keeping what its directory holds";
    }

    private static String noted(String file) {
        if (file.equals("metrics.jsonl")) {
            return "its curves are left out of the analysis";
        }
        if (file.equals("provenance.json")) {
            return "it is set aside and written again when the point next runs";
        }
        if (file.equals(PointFailure.FILE)) {
            return "the point counts as damaged until it runs again, which removes the file";
        }
        return "it is left as it is";
    }

    /**
     * Rebuilds a damaged result.json here from the run's final checkpoint and metrics.jsonl, as
     * the point's own {@code threshold run} would, without training: the run's config.yaml names
     * the task and model, and nothing is stepped because the checkpoint is its last.
     *
     * @return the line to print: what was rebuilt, or why it could not be here
     */
    static String rebuild(Finding f, RunDirectory run, RunPlanner planner, IntFunction<String> command) {
        Optional<RunLock> lock = RunLock.tryAcquire(run.path());
        if (lock.isEmpty()) {
            return f.what() + "; another process is running the point, and rebuilds it";
        }
        try (RunLock held = lock.get()) {
            RunPlan plan = planner.plan(ConfigDocument.read(run.config()));
            if (!plan.identity().equals(f.point().identity())) {
                return forAnalysis(f, command) + " (its config.yaml is of run " + plan.identity() + ", so it is not rebuilt here)";
            }
            RuntimeConfig r = plan.runtime();
            // the directory it is in, whatever relative runtime.output the sweep ran with
            RunPlan here = new RunPlan(plan.name(), plan.seed(), plan.initSeed(), plan.metric(), plan.task(), plan.model(),
                    plan.curriculum(), plan.training(), new RuntimeConfig(r.device(), r.threads(), run.path().getParent().toString(),
                    r.checkpointEvery(), r.keepCheckpoints()), plan.probes(), plan.resolvedYaml(), plan.identity());
            RunOutcome outcome = new Trainer(AdamLearner::new).rebuild(here, RunCommand.REPRODUCE);
            RunResult result = outcome.result();
            return f.what() + "; rebuilt from its final checkpoint (step " + result.steps() + ") and metrics.jsonl, the damaged "
                    + "file kept as " + f.damage().file().getFileName() + ".damaged";
        } catch (RuntimeException e) {
            return forAnalysis(f, command) + " (it cannot be rebuilt here: " + e.getMessage() + ")";
        }
    }

    /**
     * The command that runs one point of the sweep in {@code root}: the sweep file copied there
     * when it names that directory (run from where the sweep was), otherwise SWEEP_FILE for the
     * user to fill in.
     */
    static IntFunction<String> pointCommand(Path root, Path sweepFile, Path directoryOfCopy) {
        boolean same = directoryOfCopy.toAbsolutePath().normalize().equals(root.toAbsolutePath().normalize());
        String file = same ? sweepFile.toString() : "SWEEP_FILE";
        return i -> "threshold run " + file + " --index " + i;
    }
}
