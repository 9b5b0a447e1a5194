package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threshold.api.config.DidYouMean;

/**
 * A model's activations by name ({@link HookPoint}: TransformerLens's names): one inference
 * forward pass captures any subset of them and can replace any of them with a given array
 * (activation patching), everything downstream computed from the replacement. The pass is the
 * one training runs, not a second implementation of the model, so what a probe reads is what
 * training computed.
 */
public interface Hooks {

    /** Every hook of the model, in the order a forward pass reaches them. */
    List<String> names();

    /**
     * One forward pass without dropout or gradients.
     *
     * @param tokens token ids, (batch, time)
     * @param capture the hooks whose activations to keep; a replaced hook gives its replacement
     * @param replacements per hook, the array the pass continues with instead of its own, of the
     *     activation's shape ({@link HookPoint}); the caller keeps ownership of it
     * @throws IllegalArgumentException for a name the model does not have (the message lists the
     *     valid ones) or a replacement of the wrong shape
     */
    ActivationRun run(NDArray tokens, Collection<String> capture, Map<String, NDArray> replacements);

    /** One pass that captures {@code names} and replaces nothing. */
    default ActivationRun capture(NDArray tokens, String... names) {
        return run(tokens, List.of(names), Map.of());
    }

    /** How many layers (block applications) the model's hooks cover. */
    default int layerCount() {
        Set<String> names = new HashSet<>(names());
        int layers = 0;
        while (names.contains(HookPoint.RESID_PRE.hookName(layers))) {
            layers++;
        }
        return layers;
    }

    /**
     * Every layer's {@link LayerActivations} from one pass, in layer order; the logits are not kept.
     * The arrays belong to the tokens' manager.
     */
    default List<LayerActivations> layerActivations(NDArray tokens) {
        int layers = layerCount();
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            names.addAll(LayerActivations.hookNames(l));
        }
        ActivationRun run = run(tokens, names, Map.of());
        run.logits().close();
        List<LayerActivations> out = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            out.add(LayerActivations.of(run, l));
        }
        return List.copyOf(out);
    }

    /** The error for a hook name the model does not have: the name, a near miss, and every valid name. */
    static IllegalArgumentException unknownHook(String name, List<String> valid) {
        return new IllegalArgumentException("unknown hook '" + name + "'" + DidYouMean.hint(name, valid)
                + "; the model's hooks are " + String.join(", ", valid));
    }
}
