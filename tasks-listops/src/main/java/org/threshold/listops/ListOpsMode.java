package org.threshold.listops;

/** The config key {@code mode}: nested expressions (the default) or appendix C's triplets. */
public enum ListOpsMode {

    EXPRESSIONS("expressions"),
    TRIPLETS("triplets");

    private final String word;

    ListOpsMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static ListOpsMode fromWord(String word) {
        for (ListOpsMode m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode is expressions or triplets, got '" + word + "'");
    }
}
