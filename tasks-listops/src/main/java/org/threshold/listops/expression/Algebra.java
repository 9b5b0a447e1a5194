package org.threshold.listops.expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The elements {@code 0..n-1} of an algebra and the one token each element is written as
 * (SPEC section 1). Operands are written without separators, so every element must be exactly
 * one token.
 *
 * <p>{@link #ofSize(int)} follows SPEC's element-token rule: {@code 0-9} for n &le; 10,
 * {@code A-Z} for n &le; 26 (A=0 &hellip; Z=25, the paper's base 26), {@code 0-9A-Z} for
 * n &le; 36, and one opaque token {@code <v>} per element above that. A task with its own
 * rendering (say, named group elements) passes its tokens to {@link #withTokens(List)}.
 */
public final class Algebra {

    private final List<String> tokens;

    private Algebra(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("an algebra needs at least one element");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t == null || t.isEmpty()) {
                throw new IllegalArgumentException("element " + i + " has no token");
            }
            if (!seen.add(t)) {
                throw new IllegalArgumentException("elements share the token '" + t + "'; every element needs its own token");
            }
        }
        this.tokens = List.copyOf(tokens);
    }

    /** Elements {@code 0..n-1} with SPEC's tokens for an algebra of that size. */
    public static Algebra ofSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an algebra needs at least one element, got size " + n);
        }
        List<String> tokens = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            tokens.add(elementToken(v, n));
        }
        return new Algebra(tokens);
    }

    /** Elements {@code 0..tokens.size()-1} written as the given tokens, in element order. */
    public static Algebra withTokens(List<String> tokens) {
        return new Algebra(tokens);
    }

    /**
     * SPEC section 2's token for element {@code value} of an algebra of size {@code n}.
     *
     * @throws IllegalArgumentException if {@code value} is not in {@code 0..n-1}
     */
    public static String elementToken(int value, int n) {
        if (value < 0 || value >= n) {
            throw new IllegalArgumentException("element " + value + " is outside 0.." + (n - 1));
        }
        if (n <= 10) {
            return String.valueOf((char) ('0' + value));
        }
        if (n <= 26) {
            return String.valueOf((char) ('A' + value));
        }
        if (n <= 36) {
            return value < 10 ? String.valueOf((char) ('0' + value)) : String.valueOf((char) ('A' + value - 10));
        }
        return "<" + value + ">";
    }

    public int size() {
        return tokens.size();
    }

    /** The token of element {@code value}. */
    public String token(int value) {
        if (value < 0 || value >= tokens.size()) {
            throw new IllegalArgumentException("element " + value + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(value);
    }

    /** Every element's token, in element order. */
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Algebra a && a.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Algebra of " + tokens.size() + " elements";
    }
}
