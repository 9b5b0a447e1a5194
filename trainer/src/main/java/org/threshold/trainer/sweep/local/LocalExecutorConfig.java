package org.threshold.trainer.sweep.local;

import java.util.OptionalInt;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigSection;
import org.threshold.runs.sweep.Stacks;

/**
 * The local executor's keys in {@code sweep.executor} ({@code threshold sweep --parallel N
 * --threads T} replaces them).
 *
 * @param parallel grid points at once; empty for {@code auto}
 * @param threads libtorch threads per point; empty for {@code auto}
 * @param stack points of one shape trained as one stack (SPEC section 10); empty for {@code auto},
 *     1 (the default) for each point in its own process
 */
public record LocalExecutorConfig(OptionalInt parallel, OptionalInt threads, OptionalInt stack) {

    static final int MAX = 4096;

    /** Each point alone ({@code stack: 1}). */
    public LocalExecutorConfig(OptionalInt parallel, OptionalInt threads) {
        this(parallel, threads, OptionalInt.of(1));
    }

    public static LocalExecutorConfig bind(ConfigSection s) {
        OptionalInt stack = Stacks.bind(s);
        return new LocalExecutorConfig(autoOrCount(s, "parallel"), autoOrCount(s, "threads"), stack);
    }

    /** {@code auto} (the default) or a whole number from 1 to {@value #MAX}. */
    private static OptionalInt autoOrCount(ConfigSection s, String key) {
        return s.node(key).map(node -> {
            if (node instanceof ConfigNode.Scalar v && v.plain() && (v.text().equals("auto") || v.isNull())) {
                return OptionalInt.empty();
            }
            if (node instanceof ConfigNode.Scalar v && v.plain() && v.text().matches("\\d{1,4}")
                    && Integer.parseInt(v.text()) >= 1 && Integer.parseInt(v.text()) <= MAX) {
                return OptionalInt.of(Integer.parseInt(v.text()));
            }
            s.problem(key, "expected auto or a whole number from 1 to " + MAX + ", found " + node.describe());
            return OptionalInt.empty();
        }).orElse(OptionalInt.empty());
    }
}
