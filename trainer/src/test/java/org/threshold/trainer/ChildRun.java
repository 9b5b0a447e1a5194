package org.threshold.trainer;

import java.nio.file.Path;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * A test run in its own JVM, so that a test can kill it with SIGKILL: arguments are the output
 * directory, the run's identity, its steps, its checkpoint interval and a pause per step in
 * milliseconds (which slows the run down so that the kill lands mid-run, and changes nothing else).
 */
public final class ChildRun {

    private ChildRun() {
    }

    public static void main(String[] args) {
        Path output = Path.of(args[0]);
        String identity = args[1];
        int steps = Integer.parseInt(args[2]);
        int checkpointEvery = Integer.parseInt(args[3]);
        long pause = Long.parseLong(args[4]);
        RunPlan plan = TestRuns.plan(output, identity, TestRuns.training(steps, 20, 0.5, TestRuns.noStopping()), checkpointEvery);
        TrainingLoopTest.train(plan, new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }
}
