package org.threshold.listops.expression;

/**
 * The shape of random expression trees (SPEC section 1): {@code depth} is the maximum nesting
 * level (the root is level 1), every node has a number of operands drawn uniformly from
 * {@code minArgs..maxArgs}, and while the depth allows, each operand is a sub-expression with
 * probability {@code pNest}, otherwise an element. The paper's default is depth 2, 2..3 operands;
 * it does not state the nesting probability, we use 0.3.
 *
 * <p>{@code depth} is a maximum: with {@code pNest < 1} some trees are shallower.
 */
public record TreeShape(int depth, int minArgs, int maxArgs, double pNest) {

    /** Deeper trees than this are far beyond any context a tiny model reads. */
    public static final int MAX_DEPTH = 32;
    /** More operands per node than this cannot fit a context of a few hundred tokens. */
    public static final int MAX_ARGS = 64;

    /** The paper's default: depth 2, 2..3 operands, nesting probability 0.3. */
    public static final TreeShape PAPER = new TreeShape(2, 2, 3, 0.3);

    public TreeShape {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth is the maximum nesting level, from 1 to " + MAX_DEPTH + ", got " + depth);
        }
        if (minArgs < 1 || maxArgs > MAX_ARGS || minArgs > maxArgs) {
            throw new IllegalArgumentException("the operand count range needs 1 <= min <= max <= " + MAX_ARGS
                    + ", got " + minArgs + ".." + maxArgs);
        }
        if (!(pNest >= 0 && pNest <= 1)) {
            throw new IllegalArgumentException("the nesting probability is in [0, 1], got " + pNest);
        }
    }

    /** Whether nodes may have exactly {@code count} operands. */
    public boolean allowsArgs(int count) {
        return count >= minArgs && count <= maxArgs;
    }

    /** Mean number of operands per node. */
    public double meanArgs() {
        return (minArgs + maxArgs) / 2.0;
    }

    /** Expected number of operator nodes in a tree of this shape. */
    public double expectedNodes() {
        double below = 0; // expected nodes of a subtree rooted at the deepest level, then upwards
        for (int level = depth; level >= 1; level--) {
            double nesting = level < depth ? meanArgs() * pNest * below : 0;
            below = 1 + nesting;
        }
        return below;
    }

    /** Expected number of nodes with exactly {@code count} operands in a tree of this shape. */
    public double expectedNodesWithArgs(int count) {
        return allowsArgs(count) ? expectedNodes() / (maxArgs - minArgs + 1) : 0;
    }

    @Override
    public String toString() {
        return "depth " + depth + ", args " + minArgs + "-" + maxArgs + ", p_nest " + pNest;
    }
}
