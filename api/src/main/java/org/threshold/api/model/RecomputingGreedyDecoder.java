package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Greedy decoding for any model that maps token ids (batch, time) to logits (batch, time,
 * vocabulary): every new token runs the model over each row's latest context-length tokens.
 * Rows are right-padded, so causal attention never lets a real position see padding, and each
 * row's prediction is read at its own last position. Finished rows leave the batch. It is
 * {@link Model#greedyDecoder}'s default, so a model that offers nothing faster still decodes.
 */
public final class RecomputingGreedyDecoder implements GreedyDecoder {

    /** Prompts decoded together. */
    public static final int DEFAULT_BATCH = 256;

    private final NDManager manager;
    private final int contextLength;
    private final int batchSize;
    private final UnaryOperator<NDArray> logitsOf;

    /**
     * @param manager where the token arrays are made (the model's device)
     * @param logitsOf token ids (batch, time) to logits (batch, time, vocabulary)
     */
    public RecomputingGreedyDecoder(NDManager manager, int contextLength, int batchSize, UnaryOperator<NDArray> logitsOf) {
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be >= 1, got " + contextLength);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.manager = manager;
        this.contextLength = contextLength;
        this.batchSize = batchSize;
        this.logitsOf = logitsOf;
    }

    /** Decodes through a DJL block's inference forward pass. */
    public static RecomputingGreedyDecoder of(Block block, NDManager manager, int contextLength) {
        ParameterStore store = new ParameterStore(manager, false);
        return new RecomputingGreedyDecoder(manager, contextLength, DEFAULT_BATCH,
                tokens -> block.forward(store, new NDList(tokens), false).singletonOrThrow());
    }

    @Override
    public List<int[]> decode(List<int[]> prompts, int maxNewTokens, OptionalInt stopToken) {
        List<int[]> out = new ArrayList<>(prompts.size());
        prompts.forEach(p -> out.add(null));
        for (int[] chunk : chunksByLength(prompts, batchSize)) {
            List<int[]> rowsPrompts = IntStream.of(chunk).mapToObj(prompts::get).toList();
            GreedyRows rows = new GreedyRows(rowsPrompts, maxNewTokens, stopToken);
            continueRows(rows);
            List<int[]> done = rows.completions();
            for (int i = 0; i < chunk.length; i++) {
                out.set(chunk[i], done.get(i));
            }
        }
        return out;
    }

    /** Generates until every row is finished. */
    public void continueRows(GreedyRows rows) {
        while (!rows.allDone()) {
            int[] active = rows.activeRows();
            int width = 0;
            for (int r : active) {
                width = Math.max(width, Math.min(rows.length(r), contextLength));
            }
            long[] ids = new long[active.length * width];
            for (int i = 0; i < active.length; i++) {
                int r = active[i];
                int n = Math.min(rows.length(r), contextLength);
                int from = rows.length(r) - n;
                for (int j = 0; j < n; j++) {
                    ids[i * width + j] = rows.token(r, from + j);
                }
            }
            long[] best;
            try (NDScope scope = new NDScope()) {
                NDArray tokens = manager.create(ids, new Shape(active.length, width));
                NDArray logits = logitsOf.apply(tokens);
                best = logits.argMax(2).toType(DataType.INT64, false).toLongArray();
            }
            for (int i = 0; i < active.length; i++) {
                int r = active[i];
                int last = Math.min(rows.length(r), contextLength) - 1;
                rows.append(r, (int) best[i * width + last]);
            }
        }
    }

    /** Prompt indices in chunks of at most {@code size}, similar lengths together (less padding). */
    public static List<int[]> chunksByLength(List<int[]> prompts, int size) {
        int[] order = IntStream.range(0, prompts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> prompts.get(i).length))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < order.length; from += size) {
            chunks.add(java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + size)));
        }
        return chunks;
    }
}
