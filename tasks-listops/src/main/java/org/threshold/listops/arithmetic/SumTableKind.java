package org.threshold.listops.arithmetic;

/** Which table SSUM folds through: the config key {@code ssum_table}. */
public enum SumTableKind {

    /** Appendix K's shuffled sum table. */
    SHUFFLED("shuffled"),
    /** Independent uniform values (appendix G's random table). */
    RANDOM("random");

    private final String word;

    SumTableKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static SumTableKind fromWord(String word) {
        for (SumTableKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("ssum_table is shuffled or random, got '" + word + "'");
    }

    /** The table of this kind for modulus n and a table seed. */
    public SumTable table(int n, long seed) {
        return this == SHUFFLED ? SumTable.shuffled(n, seed) : SumTable.random(n, seed);
    }
}
