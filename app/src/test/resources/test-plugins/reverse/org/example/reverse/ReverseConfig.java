package org.example.reverse;

import org.threshold.api.config.ConfigSection;

/**
 * The reverse task's config: sequences of {@code min_length..max_length} letters drawn from the
 * first {@code symbols} letters of the alphabet.
 */
public record ReverseConfig(int symbols, int minLength, int maxLength, int trainSize, int testSize) {

    /** Binds the task section; every key with its default and range, and what cannot be filled. */
    public static ReverseConfig bind(ConfigSection s) {
        int symbols = s.integer("symbols", 6, 2, 26);
        int minLength = s.integer("min_length", 2, 1, 12);
        int maxLength = s.integer("max_length", 5, 1, 12);
        int trainSize = s.integer("train_size", 100, 1, 1_000_000);
        int testSize = s.integer("test_size", 20, 1, 100_000);
        if (!s.problems().isEmpty()) {
            // A value above was replaced by its default: checking sizes against it would mislead.
            return new ReverseConfig(symbols, minLength, maxLength, trainSize, testSize);
        }
        if (maxLength < minLength) {
            s.problem("max_length", "expected at least min_length (" + minLength + "), found " + maxLength);
        } else {
            int lengths = maxLength - minLength + 1;
            long shortest = (long) Math.pow(symbols, minLength);
            long perLength = (trainSize + testSize + lengths - 1) / lengths;
            if (perLength > shortest) {
                s.problem("train_size", "expected at most " + shortest * lengths + " train and test sequences in all ("
                        + shortest + " distinct sequences of length " + minLength + " per length), found "
                        + (trainSize + testSize) + "; lower train_size/test_size or raise symbols/min_length");
            }
        }
        return new ReverseConfig(symbols, minLength, maxLength, trainSize, testSize);
    }

    public int lengths() {
        return maxLength - minLength + 1;
    }
}
