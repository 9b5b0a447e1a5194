package org.threshold.permutation.operators;

import java.util.List;
import java.util.Optional;
import org.threshold.listops.expression.Algebra;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.permutation.group.BlockDiagonalGroup;

/**
 * The permutation-group operator family over one block-diagonal group (SPEC section 3), in
 * vocabulary order:
 *
 * <pre>
 *   OP         *   group product of the operands, left to right
 *   OP_TOP     ^   product of the first block only; the other blocks identity
 *   OP_BOTTOM  _   product of the last block only; the other blocks identity
 * </pre>
 *
 * Elements are the group's indices ({@link BlockDiagonalGroup}), written with SPEC's element
 * tokens for that many elements ({@code 0-9A-Z} for the 36 of S3×S3). The notation holds all
 * three symbols whether a task uses them or not, so a model for one group has one vocabulary
 * (6 + 36 + 3 + 1 = 46 tokens for S3×S3) across mixtures.
 */
public final class PermutationFamily {

    /** Operator names in vocabulary order. */
    public static final List<String> NAMES = List.of(GroupProduct.NAME, BlockProduct.TOP, BlockProduct.BOTTOM);

    private final BlockDiagonalGroup group;
    private final List<Operator> operators;
    private final Notation notation;

    private PermutationFamily(BlockDiagonalGroup group) {
        this.group = group;
        this.operators = List.of(new GroupProduct(group), BlockProduct.top(group), BlockProduct.bottom(group));
        this.notation = new Notation(Algebra.ofSize(group.order()), operators);
    }

    public static PermutationFamily of(BlockDiagonalGroup group) {
        return new PermutationFamily(group);
    }

    public BlockDiagonalGroup group() {
        return group;
    }

    /** OP, OP_TOP and OP_BOTTOM, in vocabulary order. */
    public List<Operator> operators() {
        return operators;
    }

    public Optional<Operator> operator(String name) {
        return notation.operator(name);
    }

    /** The operator of a name in {@link #NAMES}. */
    public Operator get(String name) {
        return operator(name).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "' is not a permutation-group operator; they are " + NAMES));
    }

    public Notation notation() {
        return notation;
    }

    /** The token of an element, e.g. {@code Z} for element 35 of S3×S3. */
    public String token(int element) {
        return notation.algebra().token(element);
    }
}
