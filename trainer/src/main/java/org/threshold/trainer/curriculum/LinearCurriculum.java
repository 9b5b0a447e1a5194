package org.threshold.trainer.curriculum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Stage;

/**
 * A hand-over from one mixture to another (SPEC section 6, "linear hand-over"; the paper's
 * section 3.1 phases ADD in over 1,000 steps while MAX and MED are phased out). Up to step
 * {@code start} the batches follow {@code from}; over the next {@code span} steps each
 * component's share moves in equal steps from its share in {@code from} to its share in {@code to};
 * from step {@code start + span} on they follow {@code to}.
 *
 * <p>Shares, not the weights as written, are interpolated: {@code from: {MAX: 1, MED: 1}} to
 * {@code to: {SUM: 1}} gives SUM 50% of each batch half-way, as "rising from 0% to 100%" means.
 *
 * <p>The weights depend on the step alone, so a checkpoint keeps nothing. The stage is that of
 * the latest step whose weights were asked: the trainer asks for the weights of an evaluation
 * step before it records the stage of that evaluation.
 */
public final class LinearCurriculum implements Curriculum {

    static final String FROM = "from";
    static final String HAND_OVER = "hand-over";
    static final String TO = "to";

    private final Mixture from;
    private final Mixture to;
    private final long start;
    private final long span;
    private final List<String> components;
    private long latestStep;

    /**
     * @param from the mixture up to {@code start}
     * @param to the mixture from {@code start + span} on
     * @param start the last step that follows {@code from} alone (>= 0)
     * @param span the hand-over's length in steps (>= 1)
     * @param components the task's components, in order
     */
    public LinearCurriculum(Map<String, Double> from, Map<String, Double> to, long start, long span, List<String> components) {
        if (start < 0) {
            throw new IllegalArgumentException("the hand-over starts after step " + start + "; start is >= 0");
        }
        if (span < 1) {
            throw new IllegalArgumentException("the hand-over lasts " + span + " steps; span is >= 1");
        }
        this.from = Mixture.of(from, components);
        this.to = Mixture.of(to, components);
        this.start = start;
        this.span = span;
        List<String> used = new ArrayList<>();
        for (String c : components) {
            if (this.from.shares().containsKey(c) || this.to.shares().containsKey(c)) {
                used.add(c);
            }
        }
        this.components = List.copyOf(used);
    }

    /** How far the hand-over is at {@code step}: 0 up to {@code start}, 1 from {@code start + span} on. */
    double progress(long step) {
        if (step <= start) {
            return 0;
        }
        if (step - start >= span) {
            return 1;
        }
        return (double) (step - start) / span;
    }

    @Override
    public Map<String, Double> weights(long step) {
        latestStep = step;
        double f = progress(step);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String c : components) {
            // at the ends exactly the shares written, not a rounding of them
            double w = f == 0 ? from.share(c) : f == 1 ? to.share(c) : (1 - f) * from.share(c) + f * to.share(c);
            weights.put(c, w);
        }
        return Collections.unmodifiableMap(weights);
    }

    @Override
    public Stage stage() {
        double f = progress(latestStep);
        if (f == 0) {
            return new Stage(0, FROM, false);
        }
        return f < 1 ? new Stage(1, HAND_OVER, false) : new Stage(2, TO, true);
    }

    @Override
    public String toString() {
        return "linear from " + from.label() + " to " + to.label() + " over steps " + start + ".." + (start + span);
    }
}
