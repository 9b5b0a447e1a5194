package org.threshold.trainer.sampling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.threshold.api.task.Component;
import org.threshold.api.task.Example;

/**
 * Draws the training batches of a run through the curriculum's weights (SPEC section 6).
 *
 * <p>Per step, each sequence's component is chosen at random in proportion to the weights the
 * curriculum gives for that step. Within a component, examples come in per-epoch shuffled order
 * ({@link EpochOrder}), so an epoch over a component shows every example once. All randomness is
 * derived from {@code init_seed}, the step and the component, and the only state is how many
 * examples each component has given: a resumed run draws exactly the batches an uninterrupted one
 * would.
 */
public final class BatchSampler {

    private static final long COMPONENT_CHOICE_STREAM = 1;

    private final List<Component> components;
    private final long initSeed;
    private final int batch;
    private final BatchLayout layout;
    private final long[] drawn;
    private final EpochOrder[] orders;

    public BatchSampler(List<Component> components, long initSeed, int batch, BatchLayout layout) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("the task has no training components");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.components = List.copyOf(components);
        this.initSeed = initSeed;
        this.batch = batch;
        this.layout = layout;
        this.drawn = new long[components.size()];
        this.orders = new EpochOrder[components.size()];
        for (Component c : components) {
            if (c.data().size() < 1) {
                throw new IllegalArgumentException("component " + c.name() + " has no training examples");
            }
        }
    }

    /**
     * The batch of training step {@code step} (1-based).
     *
     * @param weights the curriculum's weights for this step, by component name
     */
    public Batch next(long step, Map<String, Double> weights) {
        double[] cumulative = cumulative(step, weights);
        double total = cumulative[cumulative.length - 1];
        SplittableRandom random = new SplittableRandom(DerivedSeed.of(initSeed, COMPONENT_CHOICE_STREAM, step));
        List<Example> examples = new ArrayList<>(batch);
        int[] chosen = new int[batch];
        for (int r = 0; r < batch; r++) {
            int c = pick(cumulative, random.nextDouble() * total);
            chosen[r] = c;
            examples.add(draw(c));
        }
        return layout.lay(examples, chosen);
    }

    // the first component whose cumulative weight exceeds u; zero weights are never picked
    private static int pick(double[] cumulative, double u) {
        for (int c = 0; c < cumulative.length; c++) {
            if (u < cumulative[c]) {
                return c;
            }
        }
        int c = cumulative.length - 1; // u rounded up to the total: the last component with weight
        while (c > 0 && cumulative[c] == cumulative[c - 1]) {
            c--;
        }
        return c;
    }

    private double[] cumulative(long step, Map<String, Double> weights) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            index.put(components.get(i).name(), i);
        }
        double[] w = new double[components.size()];
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null) {
                throw new IllegalStateException("the curriculum gives weight to '" + e.getKey() + "' at step " + step
                        + ", which is not a component of this task (its components: " + names() + ")");
            }
            double v = e.getValue();
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalStateException("the curriculum gives component " + e.getKey() + " the weight " + v
                        + " at step " + step + "; weights are finite and >= 0");
            }
            w[i] = v;
        }
        double[] cumulative = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalStateException("the curriculum gives no component a positive weight at step " + step
                    + " (weights: " + weights + ")");
        }
        return cumulative;
    }

    private Example draw(int c) {
        Component component = components.get(c);
        int size = component.data().size();
        long n = drawn[c]++;
        int epoch = Math.toIntExact(n / size);
        int position = (int) (n % size);
        EpochOrder order = orders[c];
        if (order == null || order.epoch() != epoch) {
            order = new EpochOrder(initSeed, component.name(), epoch, size);
            orders[c] = order;
        }
        return component.data().example(epoch, order.index(position));
    }

    private List<String> names() {
        return components.stream().map(Component::name).toList();
    }

    public SamplerState state() {
        Map<String, Long> m = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            m.put(components.get(i).name(), drawn[i]);
        }
        return new SamplerState(m);
    }

    /** Continues from a state given by {@link #state()} (a checkpoint of the same run). */
    public void restore(SamplerState state) {
        if (!state.drawn().keySet().equals(new HashSet<>(names()))) {
            throw new IllegalArgumentException("the checkpoint's sampler knows the components " + state.drawn().keySet()
                    + " but this task has " + names() + "; it belongs to another task");
        }
        for (int i = 0; i < components.size(); i++) {
            drawn[i] = state.drawn().get(components.get(i).name());
        }
    }
}
