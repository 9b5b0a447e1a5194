package org.threshold.trainer.stopping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.threshold.trainer.TrainingConfig;

/**
 * What a diverged run says and keeps (docs/RUNS.md, "A loss that diverges"). A run stops when a
 * step's loss is NaN or infinite; a finite loss, however large, does not stop it, since a spike
 * can recover.
 *
 * <p>Which checkpoint is worth going back to: one whose mean training loss (the steps since the
 * evaluation before it) was finite and at most ln V, the loss of guessing uniformly among the
 * vocabulary's V tokens, which an untrained model scores. A model above it predicts worse than
 * guessing: it has already left training (the 6e9 of a run on its way to NaN). While the loss is
 * above it, checkpoints are still saved, so a killed run resumes as before, but the newest good
 * one is kept from pruning until a newer good one exists.
 *
 * <p>What to change: the setting that makes divergence certain when there is one (AdamW's decay
 * with lr · weight_decay ≥ 1 flips and grows every weight; an eps that float32 turns into 0
 * divides 0 by 0), otherwise the learning rate, its warm-up and clipping.
 */
public final class Divergence {

    private Divergence() {
    }

    /** ln V: the mean cross-entropy of guessing uniformly among {@code vocabulary} tokens. */
    public static double guessingLoss(int vocabulary) {
        return Math.log(vocabulary);
    }

    /** Whether a checkpoint with this mean training loss is worth going back to. */
    public static boolean worthKeeping(double meanLoss, int vocabulary) {
        return Double.isFinite(meanLoss) && meanLoss <= guessingLoss(vocabulary);
    }

    /** What to change, for a loss that became non-finite with this training config. */
    public static String advice(TrainingConfig training) {
        double lr = training.learningRate();
        if (training.weightDecay() > 0 && lr * training.weightDecay() >= 1) {
            return String.format(Locale.ROOT, "training.weight_decay (now %s) times training.lr (now %s) is %.3g, at least 1: AdamW "
                            + "multiplies every weight by 1 - lr * weight_decay each step, which then flips it (and beyond 2 grows it); "
                            + "lower weight_decay below 1/lr = %.3g", number(training.weightDecay()), number(lr),
                    lr * training.weightDecay(), 1 / lr);
        }
        float smallest = (float) (training.epsilon() * Math.sqrt(1 - training.beta2()));
        if (smallest < Float.MIN_NORMAL) {
            return String.format(Locale.ROOT, "training.eps (now %s) becomes 0 in float32 after Adam's bias correction, so a parameter "
                    + "whose gradient has been 0 gets 0/0; raise it (the default is 1e-8)", number(training.epsilon()));
        }
        String clip = training.clipNorm() > 0 ? "training.clip is " + training.clipNorm() : "set training.clip (now off), e.g. 1.0";
        return String.format(Locale.ROOT, "lower training.lr (now %s) or lengthen training.warmup (now %d steps), and check gradient "
                + "clipping (%s)", training.learningRate(), training.warmupSteps(), clip);
    }

    /**
     * What is kept, for the message.
     *
     * @param good the newest checkpoint worth keeping, if any
     * @param newer checkpoints newer than it (all of them without one), with their mean losses
     * @param where the run's checkpoint directory, for the message
     */
    public static String kept(OptionalLong good, Map<Long, Double> newer, int vocabulary, String where) {
        String guessing = String.format(Locale.ROOT, "ln %d = %.3g, the loss of guessing uniformly", vocabulary, guessingLoss(vocabulary));
        List<Long> steps = newer.keySet().stream().sorted().toList();
        String losses = steps.stream().map(s -> String.format(Locale.ROOT, "%.3g", newer.get(s))).collect(Collectors.joining(" and "));
        if (good.isPresent()) {
            String s = "the checkpoint of step " + good.getAsLong() + " is kept in " + where;
            if (steps.isEmpty()) {
                return s;
            }
            return s + "; " + (steps.size() == 1 ? "the newer one, of step " + steps.get(0) + ", had a mean training loss of "
                    : "the newer ones, of steps " + join(steps) + ", had mean training losses of ") + losses + " already, above "
                    + guessing + ": do not go back to " + (steps.size() == 1 ? "it" : "them");
        }
        if (steps.isEmpty()) {
            return "no checkpoint had been saved yet";
        }
        return "no checkpoint worth going back to is kept: " + (steps.size() == 1 ? "the one of step " + steps.get(0) + " had a mean "
                + "training loss of " : "those of steps " + join(steps) + " had mean training losses of ") + losses + " already, above "
                + guessing;
    }

    private static String join(List<Long> steps) {
        return steps.stream().map(String::valueOf).collect(Collectors.joining(" and "));
    }

    private static String number(double v) {
        return String.valueOf(v);
    }
}
