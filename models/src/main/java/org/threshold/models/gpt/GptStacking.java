package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Optional;
import org.threshold.api.model.Model;
import org.threshold.api.model.Stacking;

/**
 * {@code gpt}'s stacking (SPEC section 10): the members' flat parameter vectors stacked into
 * (K, count) in the autograd graph, and {@link GptBlock#forwardStacked} over them. Every option
 * of SPEC sections 5 and 5b stacks, since the stack runs the model's own forward pass; dropout
 * does not, since each run draws its masks from the engine's generator seeded for its own steps.
 */
final class GptStacking implements Stacking {

    private final Gpt model;

    GptStacking(Gpt model) {
        this.model = model;
    }

    @Override
    public Optional<String> incompatibility(Model other) {
        if (model.config().dropout() > 0) {
            return Optional.of("model.dropout is " + model.config().dropout() + ": a run draws its dropout masks from the "
                    + "engine's generator seeded at each of its steps, which one pass for several runs cannot do; "
                    + "model.dropout: 0 stacks");
        }
        if (!(other instanceof Gpt g)) {
            return Optional.of("the model " + other.summary() + " is not a gpt");
        }
        if (!sameShape(model.config(), g.config())) {
            return Optional.of("the models differ: " + model.summary() + " and " + g.summary());
        }
        if (!model.shape().equals(g.shape())) {
            return Optional.of("the tasks give the models other shapes: " + model.shape() + " and " + g.shape());
        }
        return Optional.empty();
    }

    /** The same model apart from where its starting weights come from. */
    private static boolean sameShape(GptConfig a, GptConfig b) {
        return a.variant() == b.variant() && a.d() == b.d() && a.layers() == b.layers() && a.heads() == b.heads()
                && a.headDim() == b.headDim() && a.dropout() == b.dropout() && a.positions() == b.positions()
                && a.tieEmbeddings() == b.tieEmbeddings() && a.bias() == b.bias() && a.mlpRatio() == b.mlpRatio()
                && a.mlpLayers().equals(b.mlpLayers()) && a.norm() == b.norm();
    }

    @Override
    public NDArray forward(List<Model> members, NDArray tokens, boolean training) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one member");
        }
        NDList flats = new NDList(members.size());
        for (Model member : members) {
            incompatibility(member).ifPresent(why -> {
                throw new IllegalArgumentException("cannot stack " + member.summary() + " with " + model.summary() + ": " + why);
            });
            flats.add(((Gpt) member).block().weights());
        }
        NDArray stacked = NDArrays.stack(flats, 0);
        return model.block().forwardStacked(stacked, tokens, training ? Pass.forTraining() : Pass.forInference());
    }
}
