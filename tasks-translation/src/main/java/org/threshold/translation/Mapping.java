package org.threshold.translation;

import java.util.Arrays;

/**
 * The translation from one language to another, token by token: token {@code i} of {@code from}
 * becomes token {@code image[i]} of {@code to}. A bijection, because both languages relabel one
 * base set.
 *
 * @param from source language name
 * @param to target language name
 * @param image the token map, a permutation of 0..m-1, owned by the record
 */
public record Mapping(String from, String to, int[] image) {

    public Mapping {
        if (!isPermutation(image)) {
            throw new IllegalArgumentException("the mapping " + from + "->" + to + " " + Arrays.toString(image)
                    + " is not a bijection of 0.." + (image.length - 1));
        }
        image = image.clone();
    }

    /** Where token {@code i} of the source language goes. */
    public int apply(int i) {
        return image[i];
    }

    /** The translation of a sentence, token by token. */
    public int[] translate(int[] sentence) {
        int[] out = new int[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
            out[i] = image[sentence[i]];
        }
        return out;
    }

    /** This mapping followed by {@code next}: for A->B then B->C, the mapping A->C. */
    public Mapping andThen(Mapping next) {
        if (!next.from.equals(to) || next.image.length != image.length) {
            throw new IllegalArgumentException("cannot follow " + from + "->" + to + " by " + next.from + "->" + next.to);
        }
        int[] composed = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            composed[i] = next.image[image[i]];
        }
        return new Mapping(from, next.to, composed);
    }

    @Override
    public int[] image() {
        return image.clone();
    }

    static boolean isPermutation(int[] values) {
        boolean[] seen = new boolean[values.length];
        for (int v : values) {
            if (v < 0 || v >= values.length || seen[v]) {
                return false;
            }
            seen[v] = true;
        }
        return values.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mapping p && p.from.equals(from) && p.to.equals(to) && Arrays.equals(p.image, image);
    }

    @Override
    public int hashCode() {
        return (from.hashCode() * 31 + to.hashCode()) * 31 + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return from + "->" + to + Arrays.toString(image);
    }
}
