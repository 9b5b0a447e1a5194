package org.threshold.trainer.evaluation;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.threshold.api.model.GreedyDecoder;
import org.threshold.api.model.Model;
import org.threshold.api.task.EvalItem;

/**
 * Greedy decoding of a model under training through its {@link Model#greedyDecoder}: its own when
 * it has one (the GPT's cache of keys and values), otherwise the SPI's default, which recomputes
 * every position through the model's block. Prompts with the same generation limit are decoded
 * together; results come back in the prompts' order.
 */
public final class ModelDecoder implements Decoder {

    private final GreedyDecoder decoder;
    private final OptionalInt stopToken;

    /** @param manager where the token arrays are made (the model's device) */
    public ModelDecoder(Model model, NDManager manager, int contextLength, OptionalInt stopToken) {
        this.decoder = model.greedyDecoder(manager, contextLength);
        this.stopToken = stopToken;
    }

    @Override
    public List<int[]> complete(List<EvalItem> items) {
        Map<Integer, List<Integer>> byLimit = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byLimit.computeIfAbsent(items.get(i).maxNewTokens(), k -> new ArrayList<>()).add(i);
        }
        int[][] out = new int[items.size()][];
        for (Map.Entry<Integer, List<Integer>> group : byLimit.entrySet()) {
            List<int[]> prompts = group.getValue().stream().map(i -> items.get(i).prompt()).toList();
            List<int[]> generated = decoder.decode(prompts, group.getKey(), stopToken);
            for (int k = 0; k < prompts.size(); k++) {
                out[group.getValue().get(k)] = generated.get(k);
            }
        }
        return List.of(out);
    }
}
