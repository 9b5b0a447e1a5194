package org.threshold.trainer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.threshold.api.config.ConfigSection;

/**
 * The {@code training:} section: SPEC section 6's defaults table, every entry configurable.
 * Defaults live here and nowhere else.
 *
 * @param steps training steps (SPEC: 20,000; 50,000 for long runs)
 * @param epochs when given, the run length in epochs over the training data instead of steps
 *     (the translation task counts epochs over its stream)
 * @param batch sequences per step
 * @param learningRate peak learning rate, reached after the warm-up
 * @param minLearningRate learning rate at the last step (cosine decay)
 * @param warmupSteps linear warm-up from 0
 * @param schedule "cosine" (decay to the minimum at the last step) or "constant"
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay (SPEC: 0.99, nanoGPT's choice for tiny models)
 * @param epsilon Adam's epsilon
 * @param weightDecay decoupled weight decay (AdamW); 0 is plain Adam
 * @param clipNorm global gradient-norm clipping; 0 turns it off
 * @param evalEvery evaluate every this many steps (and at the last step)
 * @param loss "all" (every non-pad position) or "completion" (answer tokens only)
 * @param earlyStopping the appendix's rule
 * @param stopAt when given, the run ends at the first evaluation in its last curriculum stage whose
 *     metric reaches the target ({@code training.stop_at}); off by default
 */
public record TrainingConfig(int steps, OptionalDouble epochs, int batch, double learningRate, double minLearningRate,
                             int warmupSteps, String schedule, double beta1, double beta2, double epsilon,
                             double weightDecay, double clipNorm, int evalEvery, String loss,
                             EarlyStopping earlyStopping, Optional<StopAt> stopAt) {

    public static final List<String> SCHEDULES = List.of("cosine", "constant");
    public static final List<String> LOSSES = List.of("all", "completion");

    /**
     * Appendix: only after {@code after} steps, stop when the change of the training loss between
     * consecutive evaluations stays below {@code minDelta} for {@code patience} consecutive
     * evaluations; the training loss is the mean over all steps since the previous evaluation.
     */
    public record EarlyStopping(boolean enabled, int after, double minDelta, int patience) {

        static EarlyStopping bind(ConfigSection s) {
            return new EarlyStopping(
                    s.flag("enabled", true),
                    s.integer("after", 2_000, 0, Integer.MAX_VALUE),
                    s.number("min_delta", 2.5e-4, 0, Double.MAX_VALUE),
                    s.integer("patience", 10, 1, 1_000_000));
        }
    }

    /** A run without a target ({@code training.stop_at} left out). */
    public TrainingConfig(int steps, OptionalDouble epochs, int batch, double learningRate, double minLearningRate,
                          int warmupSteps, String schedule, double beta1, double beta2, double epsilon,
                          double weightDecay, double clipNorm, int evalEvery, String loss, EarlyStopping earlyStopping) {
        this(steps, epochs, batch, learningRate, minLearningRate, warmupSteps, schedule, beta1, beta2, epsilon, weightDecay,
                clipNorm, evalEvery, loss, earlyStopping, Optional.empty());
    }

    /** This config with {@code training.stop_at} set to {@code target}. */
    public TrainingConfig withStopAt(StopAt target) {
        return new TrainingConfig(steps, epochs, batch, learningRate, minLearningRate, warmupSteps, schedule, beta1, beta2,
                epsilon, weightDecay, clipNorm, evalEvery, loss, earlyStopping, Optional.of(target));
    }

    /**
     * {@code training.stop_at: {metric: accuracy, value: 0.95}}: the run ends at the first
     * evaluation, in its last curriculum stage (the gate early stopping uses), at which
     * {@code metric} is at least {@code value}. Metrics are scores in [0, 1] (the evaluator's
     * means), so is the value.
     *
     * @param metric a metric every evaluation reports (a name in metrics.jsonl: {@code accuracy},
     *     {@code accuracy.SUM}, ...); which names exist is the task's, checked when the run is planned
     * @param value the target, from 0 to 1
     */
    public record StopAt(String metric, double value) {

        public StopAt {
            if (metric.isEmpty()) {
                throw new IllegalArgumentException("training.stop_at.metric names a metric; it is empty");
            }
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("training.stop_at.value is a score from 0 to 1, got " + value);
            }
        }

        /**
         * Binds {@code stop_at} of a {@code training:} section: empty when the file leaves it out,
         * and then it stays out of the resolved config, so that runs without a target keep the
         * identity they had before the key existed.
         */
        static Optional<StopAt> bind(ConfigSection training) {
            return training.optionalSection("stop_at").flatMap(s -> {
                int before = s.problems().size();
                String metric = s.text("metric", "");
                boolean read = s.problems().size() == before; // not already a problem (a null, a list)
                double value = s.number("value", 0, 0, 1);
                if (!s.has("metric")) {
                    s.problem("metric", "expected the name of a metric that every evaluation reports (metrics.jsonl), e.g. accuracy or "
                            + "accuracy.SUM, found none");
                } else if (read && metric.isEmpty()) {
                    s.problem("metric", "expected the name of a metric that every evaluation reports, found ''");
                }
                if (!s.has("value")) {
                    s.problem("value", "expected the value the metric must reach, a number from 0 to 1, found none");
                }
                // a value of the wrong type or out of range is a problem already, and binding fails with it
                return s.problems().isEmpty() ? Optional.of(new StopAt(metric, value)) : Optional.empty();
            });
        }
    }

    /**
     * The smallest Adam epsilon that float32 keeps apart from 0 at every step: the optimizer uses
     * eps·sqrt(1 − beta2^t), smallest at t = 1 (trainer's step.Adam), and a float below
     * {@link Float#MIN_NORMAL} loses its precision on the way to 0.
     */
    static double smallestEpsilon(double beta2) {
        return Float.MIN_NORMAL / Math.sqrt(1 - beta2);
    }

    /** Binds the {@code training:} section, {@code loss} defaulting to {@code all}; problems go to the section. */
    public static TrainingConfig bind(ConfigSection s) {
        return bind(s, "all");
    }

    /**
     * Binds the {@code training:} section; problems go to the section.
     *
     * @param defaultLoss the {@code loss} a file that does not name one gets: {@code completion} for
     *     a task that asks for it ({@link org.threshold.api.task.Task#completionLossByDefault()}), else {@code all}
     */
    public static TrainingConfig bind(ConfigSection s, String defaultLoss) {
        if (!LOSSES.contains(defaultLoss)) {
            throw new IllegalArgumentException("the default loss is one of " + LOSSES + ", got '" + defaultLoss + "'");
        }
        // With epochs the default step count is not read, so the resolved config (which lists what
        // was read) holds epochs alone and binds again, e.g. when a probe rebuilds the run.
        int steps = s.has("epochs") && !s.has("steps") ? 20_000 : s.integer("steps", 20_000, 1, Integer.MAX_VALUE);
        OptionalDouble epochs = s.optionalNumber("epochs", 1e-9, 1e9);
        if (epochs.isPresent() && s.has("steps")) {
            s.problem("epochs", "give either steps or epochs, not both");
        }
        int batch = s.integer("batch", 64, 1, 1 << 20);
        double lr = s.number("lr", 1e-3, 0, 10);
        double minLr = s.number("min_lr", 1e-4, 0, 10);
        if (minLr > lr) {
            s.problem("min_lr", "expected at most lr (" + lr + "), found " + minLr);
        }
        int warmup = s.integer("warmup", 100, 0, Integer.MAX_VALUE);
        String schedule = s.choice("schedule", "cosine", SCHEDULES);
        List<Double> betas = s.numbers("betas", List.of(0.9, 0.99), 0, 0.999999999);
        if (betas.size() != 2) {
            s.problem("betas", "expected two numbers [beta1, beta2], found " + betas.size());
            betas = List.of(0.9, 0.99);
        }
        double eps = s.number("eps", 1e-8, 0, 1);
        double smallestEps = smallestEpsilon(betas.get(1));
        if (eps < smallestEps) {
            // Adam divides by sqrt(v) + eps, and v is 0 for a parameter whose gradient has been 0
            // so far (the padding token's embedding): an eps of 0, or one float32 rounds to 0
            // after the bias correction, gives 0/0 = NaN at the second step.
            s.problem("eps", String.format(java.util.Locale.ROOT, "expected a number of at least %.3g (Adam divides by sqrt(v) + eps, "
                    + "and v is 0 for a parameter whose gradient has been 0, so eps 0 gives NaN at step 2; float32 turns a smaller eps "
                    + "into 0), found %s; the default is 1e-8", smallestEps, eps == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.3g", eps)));
            eps = 1e-8;
        }
        double weightDecay = s.number("weight_decay", 0, 0, 10);
        double clip = s.number("clip", 1.0, 0, Double.MAX_VALUE);
        int evalEvery = s.integer("eval_every", 250, 1, Integer.MAX_VALUE);
        String loss = s.choice("loss", defaultLoss, LOSSES);
        EarlyStopping early = EarlyStopping.bind(s.section("early_stopping"));
        Optional<StopAt> stopAt = StopAt.bind(s);
        return new TrainingConfig(steps, epochs, batch, lr, minLr, warmup, schedule, betas.get(0), betas.get(1), eps,
                weightDecay, clip, evalEvery, loss, early, stopAt);
    }
}
