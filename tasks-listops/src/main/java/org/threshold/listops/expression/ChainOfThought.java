package org.threshold.listops.expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chain of thought of appendix E.3 (SPEC section 1): each step rewrites the right-most
 * inner-most parenthesis into its value and writes {@code >} followed by the whole rewritten
 * expression; the last step leaves a bare element, then {@code =} answer {@code e}.
 * Sum mod 10: {@code s(%12(%34))>(%127)>0=0e}; without the chain: {@code s(%12(%34))=0e}.
 *
 * <p>The right-most inner-most parenthesis is the one that opens at the last {@code (}: nothing
 * after that {@code (} opens another one, so it contains no parenthesis, and any other
 * parenthesis without one inside starts further left. Rewriting it there needs no tree at all,
 * which keeps generation fast.
 *
 * <p>Every node evaluated along the way, with its operands after substitution, is reported to a
 * {@link NodeVisitor}: the held-out-triplet split looks at exactly these operand lists, also for
 * equations written without the chain (their nodes are the same).
 *
 * <p>An instance keeps scratch buffers: use one per thread.
 */
public final class ChainOfThought {

    /** Sees every node the chain evaluates, in chain order. */
    @FunctionalInterface
    public interface NodeVisitor {

        /**
         * @param operator position of the node's operator in {@link Notation#operators()}
         * @param operands the node's operand values, left to right (a scratch array: read it, do not keep it)
         * @param value the node's value
         */
        void evaluated(int operator, int[] operands, int value);
    }

    private static final NodeVisitor NOBODY = (operator, operands, value) -> { };

    private final Notation notation;
    private final List<Operator> operators;
    private int[][] operandsByCount = new int[8][];
    private int[] scratch = new int[64];

    public ChainOfThought(Notation notation) {
        this.notation = notation;
        this.operators = notation.operators();
    }

    public Notation notation() {
        return notation;
    }

    /**
     * The expressions after each step; the last is a single element (the value).
     *
     * @param expression tokens of a well-formed expression, e.g. {@code (%12(%34))}
     */
    public List<int[]> steps(int[] expression) {
        notation.parse(expression); // well-formed, or a message saying where not
        List<int[]> steps = new ArrayList<>();
        int[] current = expression.clone();
        while (current.length > 1) {
            int[] next = new int[current.length];
            int length = rewrite(current, 0, current.length, next, 0, NOBODY);
            current = Arrays.copyOf(next, length);
            steps.add(current);
        }
        return steps;
    }

    /** The equation of an expression, with or without the chain of thought. */
    public Equation equation(Expression expression, boolean withSteps) {
        return equation(notation.render(expression), withSteps);
    }

    /** The equation of an expression's tokens, with or without the chain of thought. */
    public Equation equation(int[] expression, boolean withSteps) {
        notation.parse(expression);
        int bound = withSteps ? 3 + (expression.length + 1) * (expression.length + 1) : expression.length + 4;
        int[] out = new int[bound];
        int length = write(expression, expression.length, withSteps, out, NOBODY);
        return Equation.of(Arrays.copyOf(out, length), notation);
    }

    /**
     * Writes the whole equation of {@code expression[0..length)} into {@code out}, reporting every
     * evaluated node to {@code visitor}. The fast path of data generation: the expression must be
     * well formed (as {@link RandomExpressions} writes it).
     *
     * @return the equation's length, or -1 when it does not fit in {@code out} (an equation longer
     *     than the context); nodes evaluated before running out of room have been reported
     */
    public int write(int[] expression, int length, boolean withSteps, int[] out, NodeVisitor visitor) {
        if (length + 4 > out.length) {
            return -1;
        }
        out[0] = Notation.START;
        System.arraycopy(expression, 0, out, 1, length);
        int at = 1 + length;
        int value;
        if (withSteps) {
            int current = 1;
            int currentLength = length;
            while (currentLength > 1) {
                // The step writes '>' and at most currentLength - 2 tokens (a node of >= 1 operand shrinks by >= 2).
                if (at + currentLength - 1 > out.length) {
                    return -1;
                }
                out[at++] = Notation.STEP;
                int next = rewrite(out, current, currentLength, out, at, visitor);
                current = at;
                at += next;
                currentLength = next;
            }
            value = out[current];
        } else {
            if (scratch.length < length) {
                scratch = new int[Math.max(length, 2 * scratch.length)];
            }
            System.arraycopy(expression, 0, scratch, 0, length);
            int currentLength = length;
            while (currentLength > 1) {
                currentLength = rewrite(scratch, 0, currentLength, scratch, 0, visitor);
            }
            value = scratch[0];
        }
        if (at + 3 > out.length) {
            return -1;
        }
        out[at++] = Notation.EQUALS;
        out[at++] = value;
        out[at++] = Notation.END;
        return at;
    }

    /**
     * One step: copies {@code src[from..from+length)} to {@code dst[at..]} with its right-most
     * inner-most parenthesis replaced by its value; {@code dst} may be {@code src} with
     * {@code at == from} (rewriting in place).
     *
     * @return the length of the rewritten expression
     */
    private int rewrite(int[] src, int from, int length, int[] dst, int at, NodeVisitor visitor) {
        int end = from + length;
        int open = end - 1;
        while (src[open] != Notation.OPEN) {
            open--;
        }
        int close = open + 2;
        while (src[close] != Notation.CLOSE) {
            close++;
        }
        int count = close - open - 2;
        int[] operands = operands(count);
        for (int i = 0; i < count; i++) {
            operands[i] = notation.value(src[open + 2 + i]);
        }
        int operator = notation.operatorIndex(src[open + 1]);
        int value = operators.get(operator).evaluate(operands);
        visitor.evaluated(operator, operands, value);
        int before = open - from;
        if (dst != src || at != from) {
            System.arraycopy(src, from, dst, at, before);
        }
        dst[at + before] = notation.elementToken(value);
        int after = end - close - 1;
        System.arraycopy(src, close + 1, dst, at + before + 1, after);
        return before + 1 + after;
    }

    private int[] operands(int count) {
        if (count >= operandsByCount.length) {
            operandsByCount = Arrays.copyOf(operandsByCount, Math.max(count + 1, 2 * operandsByCount.length));
        }
        int[] operands = operandsByCount[count];
        if (operands == null) {
            operands = new int[count];
            operandsByCount[count] = operands;
        }
        return operands;
    }
}
