package org.threshold.listops.expression;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random expression trees of one shape over one operator mixture, from a seed (SPEC section 1).
 *
 * <p>The draw, node by node in prefix order: the node's operator (by weight; once per expression
 * with {@link Mixing#PER_EXPRESSION}), its operand count (uniform in the shape's range), then for
 * each operand from left to right either a sub-expression (with probability {@code pNest}, while
 * the node is above the maximum depth) or a uniformly random element. The same seed gives the same
 * sequence of trees on every machine.
 *
 * <p>{@link #draw(int[], int)} writes tokens straight into a buffer and gives up on a tree longer
 * than a limit, which is how data generation stays fast; {@link #next()} gives a tree object.
 */
public final class RandomExpressions {

    /** {@link #next()} refuses trees longer than this many tokens. */
    public static final int MAX_TOKENS = 1 << 20;

    private final int elements;
    private final int firstElement;
    private final TreeShape shape;
    private final boolean perExpression;
    private final int[] operatorTokens;
    private final double[] cumulative;
    private final SplittableRandom random;
    private final Notation notation;
    private int expressionOperator;

    public RandomExpressions(Notation notation, OperatorMixture mixture, TreeShape shape, long seed) {
        this.notation = notation;
        this.elements = notation.size();
        this.shape = shape;
        this.perExpression = mixture.mixing() == Mixing.PER_EXPRESSION;
        int k = mixture.operators().size();
        this.operatorTokens = new int[k];
        this.cumulative = new double[k];
        double total = mixture.weights().stream().mapToDouble(Double::doubleValue).sum();
        double running = 0;
        for (int i = 0; i < k; i++) {
            operatorTokens[i] = notation.operatorToken(mixture.operators().get(i));
            running += mixture.weights().get(i);
            cumulative[i] = running / total;
        }
        // The last operator with a positive weight closes the range exactly, so rounding never
        // picks an operator of weight 0 after it.
        for (int i = k - 1; i >= 0; i--) {
            cumulative[i] = 1.0;
            if (mixture.weights().get(i) > 0) {
                break;
            }
        }
        this.firstElement = notation.elementToken(0);
        this.random = new SplittableRandom(seed);
    }

    /** The longest tree this shape can give, in tokens (saturating at {@link Integer#MAX_VALUE}). */
    public static long maxTokens(TreeShape shape) {
        long length = 3L + shape.maxArgs();
        for (int level = shape.depth() - 1; level >= 1; level--) {
            length = Math.min(Integer.MAX_VALUE, 3L + shape.maxArgs() * length);
        }
        return length;
    }

    /**
     * Draws the next tree into {@code out} in prefix notation ({@code ( op operands… )}).
     *
     * @param limit the most tokens the caller accepts; at most {@code out.length}
     * @return the number of tokens written, or -1 when the tree is longer than {@code limit} (the
     *     rest of that tree is not drawn; the next call draws a fresh tree)
     */
    public int draw(int[] out, int limit) {
        if (limit > out.length) {
            throw new IllegalArgumentException("limit " + limit + " exceeds the buffer of " + out.length + " tokens");
        }
        if (perExpression) {
            expressionOperator = pickOperator();
        }
        return node(out, 0, limit, 1);
    }

    /** The next tree as an object. */
    public Expression next() {
        int[] out = new int[(int) Math.min(maxTokens(shape), MAX_TOKENS)];
        int length = draw(out, out.length);
        if (length < 0) {
            throw new IllegalStateException("the tree is longer than " + out.length + " tokens; use a smaller shape than " + shape);
        }
        return notation.parse(Arrays.copyOf(out, length));
    }

    private int node(int[] out, int at, int limit, int level) {
        if (at + 3 > limit) {
            return -1;
        }
        out[at++] = Notation.OPEN;
        out[at++] = perExpression ? expressionOperator : pickOperator();
        int span = shape.maxArgs() - shape.minArgs() + 1;
        int count = span == 1 ? shape.minArgs() : shape.minArgs() + random.nextInt(span);
        boolean mayNest = level < shape.depth() && shape.pNest() > 0;
        for (int i = 0; i < count; i++) {
            if (mayNest && random.nextDouble() < shape.pNest()) {
                at = node(out, at, limit, level + 1);
                if (at < 0) {
                    return -1;
                }
            } else {
                if (at >= limit) {
                    return -1;
                }
                out[at++] = firstElement + random.nextInt(elements);
            }
        }
        if (at >= limit) {
            return -1;
        }
        out[at++] = Notation.CLOSE;
        return at;
    }

    private int pickOperator() {
        if (operatorTokens.length == 1) {
            return operatorTokens[0];
        }
        double u = random.nextDouble();
        int i = 0;
        while (u >= cumulative[i]) {
            i++;
        }
        return operatorTokens[i];
    }
}
