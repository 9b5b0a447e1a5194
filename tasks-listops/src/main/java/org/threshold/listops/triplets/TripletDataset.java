package org.threshold.listops.triplets;

import org.threshold.api.config.Choice;

/**
 * The training sets of appendix C's triplet experiments, named by their sizes for n = 10 with
 * MAX, MED and SUM (900 training triplets):
 *
 * <ul>
 *   <li>{@code 2700}: every training triplet under each operator (3 × 900).</li>
 *   <li>{@code 900-balanced}: the training triplets dealt out evenly among the operators, each
 *       triplet under one operator (300 per operator; the paper's figure 29 says every one of
 *       the 900 unique triplets is used).</li>
 *   <li>{@code sum-900}: every training triplet under the test operator alone (SUM).</li>
 * </ul>
 *
 * For another modulus, exclusion size or set of operators the same rules apply: with T training
 * triplets and k operators, {@code 2700} has k·T examples, {@code 900-balanced} T, {@code sum-900} T.
 */
public enum TripletDataset implements Choice {

    EVERY_OPERATOR("2700"),
    BALANCED("900-balanced"),
    TEST_OPERATOR("sum-900");

    private final String word;

    TripletDataset(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
