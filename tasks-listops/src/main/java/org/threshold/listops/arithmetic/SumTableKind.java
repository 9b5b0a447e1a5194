package org.threshold.listops.arithmetic;

import org.threshold.api.config.Choice;

/** Which table SSUM folds through: the config key {@code ssum_table}. */
public enum SumTableKind implements Choice {

    /** Appendix K's shuffled sum table. */
    SHUFFLED("shuffled"),
    /** Independent uniform values (appendix G's random table). */
    RANDOM("random");

    private final String word;

    SumTableKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** The table of this kind for modulus n and a table seed. */
    public SumTable table(int n, long seed) {
        return this == SHUFFLED ? SumTable.shuffled(n, seed) : SumTable.random(n, seed);
    }
}
