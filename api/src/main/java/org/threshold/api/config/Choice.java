package org.threshold.api.config;

import java.util.List;
import java.util.stream.Stream;

/**
 * A value a config names by a word, e.g. {@code mixing: per-expression}: implemented by an enum
 * whose constants are the allowed values, and read with {@link ConfigSection#choice(String, Enum)}.
 * The words are the constants' in declaration order, so the order a miss lists them in is the
 * order the enum declares.
 *
 * <pre>{@code
 * enum Mixing implements Choice {
 *     WITHIN("within"), PER_EXPRESSION("per-expression");
 *     ...
 * }
 * Mixing mixing = section.choice("mixing", Mixing.WITHIN);
 * }</pre>
 */
public interface Choice {

    /** The word a config uses for this value. */
    String word();

    /** Every constant's word, in declaration order. */
    static <E extends Enum<E> & Choice> List<String> words(Class<E> type) {
        return Stream.of(type.getEnumConstants()).map(Choice::word).toList();
    }
}
