package org.threshold.listops.expression;

import java.util.Arrays;

/**
 * One example in the paper's notation (SPEC section 1), as token ids of a {@link Notation}:
 * {@code s(%12(%34))>(%127)>0=0e} with chain of thought, {@code s(%12(%34))=0e} without.
 *
 * <p>The prompt is everything up to and including the first {@code >} (chain of thought) or
 * {@code =} (without); the model writes the rest. The token array is owned by the equation and
 * must not be changed by anyone.
 *
 * @param tokens the whole equation, from {@code s} to {@code e}
 * @param promptLength how many leading tokens are the prompt
 * @param answer the value (an element) written after the first {@code =}
 */
public record Equation(int[] tokens, int promptLength, int answer) {

    public Equation {
        if (tokens.length < 5 || tokens[0] != Notation.START || tokens[tokens.length - 1] != Notation.END) {
            throw new IllegalArgumentException("an equation runs from 's' to 'e' and has at least 5 tokens, got "
                    + Arrays.toString(tokens));
        }
        if (promptLength < 2 || promptLength >= tokens.length) {
            throw new IllegalArgumentException("prompt length " + promptLength + " is outside 2.." + (tokens.length - 1));
        }
    }

    /**
     * Reads an equation from its tokens: the prompt ends at the first {@code >} or {@code =}, the
     * answer follows the first {@code =}.
     */
    public static Equation of(int[] tokens, Notation notation) {
        int prompt = -1;
        int equals = -1;
        for (int i = 0; i < tokens.length; i++) {
            if (prompt < 0 && (tokens[i] == Notation.STEP || tokens[i] == Notation.EQUALS)) {
                prompt = i + 1;
            }
            if (tokens[i] == Notation.EQUALS) {
                equals = i;
                break;
            }
        }
        if (equals < 0 || equals + 1 >= tokens.length || !notation.isElement(tokens[equals + 1])) {
            throw new IllegalArgumentException("'" + notation.text(tokens) + "' has no element after its first '='");
        }
        return new Equation(tokens.clone(), prompt, notation.value(tokens[equals + 1]));
    }

    public int length() {
        return tokens.length;
    }

    /** A copy of the prompt tokens. */
    public int[] prompt() {
        return Arrays.copyOfRange(tokens, 0, promptLength);
    }

    /** A copy of the completion tokens: what a model must write after the prompt, ending with {@code e}. */
    public int[] completion() {
        return Arrays.copyOfRange(tokens, promptLength, tokens.length);
    }

    /** A copy of the question: the expression between {@code s} and the first {@code >} or {@code =}. */
    public int[] expression() {
        return Arrays.copyOfRange(tokens, 1, promptLength - 1);
    }

    /** The text, e.g. {@code s(%12(%34))>(%127)>0=0e}. */
    public String text(Notation notation) {
        return notation.text(tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Equation e && e.promptLength == promptLength && e.answer == answer && Arrays.equals(e.tokens, tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return "Equation" + Arrays.toString(tokens);
    }
}
