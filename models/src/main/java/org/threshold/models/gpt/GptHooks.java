package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.api.model.ActivationRun;
import org.threshold.api.model.HookPoint;
import org.threshold.api.model.Hooks;

/**
 * The GPT's named activations: {@link GptBlock#forward} with an {@link ActivationHook} that keeps
 * what was asked for and hands the pass the replacements. The forward code holds activations as
 * (batch·time, d) matrices; here they are reshaped to and from the (batch, time, d) of
 * {@link HookPoint}, and one head's attention weights gain their head axis.
 */
final class GptHooks implements Hooks {

    private final GptBlock block;
    private final List<String> names;
    private final Map<String, Integer> slots = new HashMap<>();

    GptHooks(GptBlock block) {
        this.block = block;
        this.names = HookPoint.names(block.config().layers());
        for (int i = 0; i < names.size(); i++) {
            slots.put(names.get(i), i);
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    /**
     * Where a hook sits in {@link #names}: the two embeddings, then six per layer, in
     * {@link HookPoint}'s order (whose per-layer points follow the two embeddings).
     */
    private static int slot(HookPoint point, int layer) {
        return point.perLayer() ? 2 + 6 * layer + point.ordinal() - HookPoint.RESID_PRE.ordinal() : point.ordinal();
    }

    private int slot(String name) {
        Integer slot = slots.get(name);
        if (slot == null) {
            throw Hooks.unknownHook(name, names);
        }
        return slot;
    }

    @Override
    public ActivationRun run(NDArray tokens, Collection<String> capture, Map<String, NDArray> replacements) {
        boolean[] captured = new boolean[names.size()];
        for (String name : capture) {
            captured[slot(name)] = true;
        }
        NDArray[] replacing = new NDArray[names.size()];
        replacements.forEach((name, array) -> replacing[slot(name)] = array);
        Shape shape = tokens.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("expected token ids of shape (batch, time), got " + shape);
        }
        NDManager owner = tokens.getManager();
        try (NDScope scope = new NDScope()) {
            Recorder recorder = new Recorder(owner, shape.get(0), shape.get(1), captured, replacing);
            NDArray logits = block.forward(block.weights(), tokens, Pass.withHooks(recorder));
            return new ActivationRun(keep(logits, owner), recorder.kept);
        }
    }

    /** Takes an array out of the pass's scope and gives it to the tokens' manager. */
    private static NDArray keep(NDArray a, NDManager owner) {
        NDScope.unregister(a);
        a.attach(owner);
        return a;
    }

    private final class Recorder implements ActivationHook {

        private final NDManager owner;
        private final long batch;
        private final long time;
        private final boolean[] captured;
        private final NDArray[] replacing;
        private final Map<String, NDArray> kept = new LinkedHashMap<>();

        Recorder(NDManager owner, long batch, long time, boolean[] captured, NDArray[] replacing) {
            this.owner = owner;
            this.batch = batch;
            this.time = time;
            this.captured = captured;
            this.replacing = replacing;
        }

        @Override
        public NDArray at(HookPoint point, int layer, NDArray value) {
            int slot = slot(point, layer);
            NDArray used = value;
            if (replacing[slot] != null) {
                used = internal(point, names.get(slot), replacing[slot], value);
            }
            if (captured[slot]) {
                kept.put(names.get(slot), keep(exposed(point, used), owner));
            }
            return used;
        }

        /** The shape {@link HookPoint} gives the activation the forward code holds as {@code value}. */
        private Shape exposedShape(HookPoint point, NDArray value) {
            return switch (point) {
                case PATTERN -> value.getShape().dimension() == 3 ? new Shape(batch, 1, time, value.getShape().get(2))
                        : value.getShape();
                default -> new Shape(batch, time, block.config().d());
            };
        }

        private NDArray exposed(HookPoint point, NDArray value) {
            return switch (point) {
                case EMBED -> value;
                // the embedding rows of 0 … time−1, the same for every row of the batch
                case POS_EMBED -> value.getShape().dimension() == 2 ? value.expandDims(0).repeat(0, batch) : value;
                case PATTERN -> value.getShape().dimension() == 3 ? value.expandDims(1) : value;
                default -> value.reshape(batch, time, block.config().d());
            };
        }

        /**
         * The replacement in the forward code's layout, as a new array (a view) of the pass, so
         * that capturing it never hands the caller's own array to the tokens' manager.
         */
        private NDArray internal(HookPoint point, String name, NDArray replacement, NDArray value) {
            Shape expected = exposedShape(point, value);
            if (!replacement.getShape().equals(expected)) {
                throw new IllegalArgumentException("the replacement for " + name + " has shape " + replacement.getShape()
                        + ", but this pass's " + name + " is " + expected);
            }
            NDArray r = replacement;
            if (!r.getDevice().equals(value.getDevice())) {
                r = r.toDevice(value.getDevice(), false);
            }
            if (r.getDataType() != value.getDataType()) {
                r = r.toType(value.getDataType(), false);
            }
            // position embeddings stay (batch, time, d): the addition to the tokens' broadcasts either way
            return r.reshape(point == HookPoint.POS_EMBED ? expected : value.getShape());
        }
    }
}
