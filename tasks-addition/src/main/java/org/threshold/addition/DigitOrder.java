package org.threshold.addition;

import org.threshold.api.config.Choice;

/**
 * The order in which numbers are written (config key {@code order}). {@link #LSB}, least
 * significant digit first, is SPEC section 9's default and what most trained AdderBoard entries
 * use: the model writes the sum in the order its carries travel, so each digit depends only on
 * digits it has already read or written.
 */
public enum DigitOrder implements Choice {

    LSB("lsb"),
    MSB("msb");

    private final String word;

    DigitOrder(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
