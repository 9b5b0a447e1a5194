package org.threshold.trainer.sweep.local;

import java.util.OptionalInt;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigSection;

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
    /** The most points one stack trains. */
    public static final int MAX_STACK = 64;

    /** Each point alone ({@code stack: 1}). */
    public LocalExecutorConfig(OptionalInt parallel, OptionalInt threads) {
        this(parallel, threads, OptionalInt.of(1));
    }

    public static LocalExecutorConfig bind(ConfigSection s) {
        OptionalInt stack = OptionalInt.of(1);
        if (s.node("stack").isPresent()) {
            ConfigNode node = s.node("stack").get();
            if (node instanceof ConfigNode.Scalar v && v.plain() && v.text().equals("auto")) {
                stack = OptionalInt.empty();
            } else if (node instanceof ConfigNode.Scalar v && v.plain() && v.text().matches("\\d{1,2}")
                    && Integer.parseInt(v.text()) >= 1 && Integer.parseInt(v.text()) <= MAX_STACK) {
                stack = OptionalInt.of(Integer.parseInt(v.text()));
            } else {
                s.problem("stack", "expected auto or a whole number from 1 to " + MAX_STACK + " of points trained as one "
                        + "stack, found " + node.describe());
            }
        }
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
