package org.threshold.permutation.operators;

import org.threshold.listops.expression.Operator;
import org.threshold.permutation.group.BlockDiagonalGroup;

/**
 * OP_TOP ({@code ^}) and OP_BOTTOM ({@code _}): the product, left to right, of one block of the
 * operands only (the first block for OP_TOP, the last for OP_BOTTOM); every other block of the
 * value is the identity (SPEC section 3, appendix B figures 27 and 28).
 *
 * <p>These are not group operations on the whole group (the paper says so, section 4): OP_TOP(a)
 * of a single operand is not a, the identity of the whole group is no identity for them, and
 * their values are only the elements whose other blocks are the identity (6 of 36 for S3×S3).
 * They are the group product of one block's group, carried into the whole group's elements.
 * With a single block, OP_TOP and OP_BOTTOM equal OP.
 */
public final class BlockProduct implements Operator {

    public static final String TOP = "OP_TOP";
    public static final String BOTTOM = "OP_BOTTOM";

    private final BlockDiagonalGroup group;
    private final int block;
    private final String name;
    private final String symbol;

    private BlockProduct(BlockDiagonalGroup group, int block, String name, String symbol) {
        this.group = group;
        this.block = block;
        this.name = name;
        this.symbol = symbol;
    }

    /** OP_TOP: the first block. */
    public static BlockProduct top(BlockDiagonalGroup group) {
        return new BlockProduct(group, 0, TOP, "^");
    }

    /** OP_BOTTOM: the last block. */
    public static BlockProduct bottom(BlockDiagonalGroup group) {
        return new BlockProduct(group, group.blockCount() - 1, BOTTOM, "_");
    }

    /** The block this operator multiplies (0 is the first). */
    public int block() {
        return block;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public int evaluate(int[] operands) {
        int rank = group.rank(operands[0], block);
        for (int i = 1; i < operands.length; i++) {
            rank = group.blockProduct(block, rank, group.rank(operands[i], block));
        }
        // The other blocks have rank 0, the identity.
        return rank * group.stride(block);
    }
}
