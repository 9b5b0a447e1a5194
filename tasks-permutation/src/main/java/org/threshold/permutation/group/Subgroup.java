package org.threshold.permutation.group;

import org.threshold.api.config.Choice;

/**
 * Which permutations each block may hold (config key {@code subgroup}).
 *
 * <p>{@link #SYMMETRIC}: every permutation of the block's points, S_b with b! elements (the
 * paper's S3×S3). {@link #CYCLIC}: only the b rotations i ↦ i + k mod b, the cyclic group Z_b;
 * a single block [n] is then SUM mod n in other clothes (SPEC section 3), and several blocks give
 * Z_b1 × Z_b2 × ….
 */
public enum Subgroup implements Choice {

    SYMMETRIC("symmetric"),
    CYCLIC("cyclic");

    private final String word;

    Subgroup(String word) {
        this.word = word;
    }

    /** The word a config uses. */
    @Override
    public String word() {
        return word;
    }

    /** Elements of one block of {@code size} points: b! or b. */
    public int blockOrder(int size) {
        return this == SYMMETRIC ? Permutation.factorial(size) : size;
    }

    /** The group of one block as mathematicians write it: S3, Z5. */
    public String blockName(int size) {
        return (this == SYMMETRIC ? "S" : "Z") + size;
    }
}
