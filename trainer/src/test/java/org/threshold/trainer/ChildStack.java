package org.threshold.trainer;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.threshold.trainer.fixtures.StackedRuns;
import org.threshold.trainer.signal.StopSignals;

/**
 * {@link StackedRuns}' three points trained as one stack in their own JVM, so that a test can
 * kill it with SIGKILL: arguments are the output directory and a pause per step in milliseconds
 * (which slows the stack down so that the kill lands mid-run, and changes nothing else). Exits 1
 * when a member did not finish.
 */
public final class ChildStack {

    private ChildStack() {
    }

    public static void main(String[] args) {
        Path output = Path.of(args[0]);
        long pause = Long.parseLong(args[1]);
        List<RunPlan> plans = StackedRuns.points(output);
        TrainingListener slow = ChildRun.pausing(pause);
        Trainer.StackOutcome outcome = new Trainer(AdamLearner::new).runStack(plans, StackedRuns.STACK,
                List.of(slow, TrainingListener.NONE, TrainingListener.NONE), Collections.nCopies(3, "threshold run x --index 3,5,7"),
                StopSignals.install());
        int status = 0;
        for (Trainer.StackMember member : outcome.members()) {
            if (member.failure().isPresent()) {
                member.failure().get().printStackTrace();
                status = 1;
            }
        }
        System.out.println("stacked passes: " + outcome.passes());
        System.exit(status);
    }
}
