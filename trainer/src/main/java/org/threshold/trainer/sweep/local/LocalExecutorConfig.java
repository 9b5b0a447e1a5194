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
 */
public record LocalExecutorConfig(OptionalInt parallel, OptionalInt threads) {

    static final int MAX = 4096;

    public static LocalExecutorConfig bind(ConfigSection s) {
        return new LocalExecutorConfig(autoOrCount(s, "parallel"), autoOrCount(s, "threads"));
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
