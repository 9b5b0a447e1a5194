package org.threshold.trainer;

import java.nio.file.Path;
import org.threshold.trainer.fixtures.ListOpsRuns;
import org.threshold.trainer.signal.StopSignals;

/**
 * A real run (a tiny GPT on ListOps, the product's learner) in its own JVM, so that a test can
 * kill it with SIGKILL or stop it with a signal (SIGTERM, SIGINT, SIGUSR2: {@link StopSignals}, as
 * {@code threshold run} handles them; exit code 128 + the signal's number): arguments are the output directory, the run's identity, its steps, its
 * evaluation and checkpoint intervals and a pause per step in milliseconds (which slows the run
 * down so that the kill lands mid-run, and changes nothing else).
 */
public final class ChildRun {

    private ChildRun() {
    }

    public static void main(String[] args) {
        Path output = Path.of(args[0]);
        String identity = args[1];
        int steps = Integer.parseInt(args[2]);
        int evalEvery = Integer.parseInt(args[3]);
        int checkpointEvery = Integer.parseInt(args[4]);
        long pause = Long.parseLong(args[5]);
        RunPlan plan = ListOpsRuns.plan(output, identity, steps, evalEvery, checkpointEvery);
        StopRequest stop = StopSignals.install();
        try {
            run(plan, pause, stop);
        } catch (RunStopped stopped) {
            System.out.println(stopped.getMessage());
            System.out.flush();
            System.exit(stopped.exitCode());
        }
    }

    private static void run(RunPlan plan, long pause, StopRequest stop) {
        new Trainer(AdamLearner::new).run(plan, pausing(pause), "threshold run config.yaml", stop);
    }

    /** A listener that sleeps {@code pause} milliseconds after every step, and changes nothing else. */
    static TrainingListener pausing(long pause) {
        return new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
