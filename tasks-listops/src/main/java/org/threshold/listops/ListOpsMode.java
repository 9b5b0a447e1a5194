package org.threshold.listops;

import org.threshold.api.config.Choice;

/** The config key {@code mode}: nested expressions (the default) or appendix C's triplets. */
public enum ListOpsMode implements Choice {

    EXPRESSIONS("expressions"),
    TRIPLETS("triplets");

    private final String word;

    ListOpsMode(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
