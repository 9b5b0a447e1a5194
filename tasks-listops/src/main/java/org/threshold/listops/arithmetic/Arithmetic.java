package org.threshold.listops.arithmetic;

import java.util.List;
import java.util.Optional;
import org.threshold.listops.expression.Algebra;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;

/**
 * The ListOps operator family mod n (SPEC section 2), in vocabulary order:
 *
 * <pre>
 *   MAX  +   max            SUM  %   sum mod n        NADD ~   x0 − x1 + x2 − … mod n
 *   MIN  -   min            PROD *   product mod n    SSUM &amp;   folded through a SumTable
 *   MED  /   lower median
 * </pre>
 *
 * The notation holds every symbol whether a task uses it or not, so a mod-10 model always has
 * 6 + 10 + 7 + 1 = 24 tokens.
 */
public final class Arithmetic {

    /** Operator names in vocabulary order. */
    public static final List<String> NAMES = List.of("MAX", "MIN", "MED", "SUM", "PROD", "NADD", "SSUM");

    /** The largest modulus: element tokens beyond it buy nothing a tiny model can learn. */
    public static final int MAX_MODULUS = 4096;

    private final int modulus;
    private final List<Operator> operators;
    private final Notation notation;

    private Arithmetic(int modulus, SumTable table) {
        this.modulus = checkModulus(modulus);
        if (table.modulus() != modulus) {
            throw new IllegalArgumentException("the SSUM table is mod " + table.modulus() + ", the family mod " + modulus);
        }
        this.operators = List.of(new Maximum(), new Minimum(), new Median(), new ModularSum(modulus), new ModularProduct(modulus),
                new AlternatingSum(modulus), new TableSum(table));
        this.notation = new Notation(Algebra.ofSize(modulus), operators);
    }

    /** The family mod n with SSUM folding through {@code table}. */
    public static Arithmetic of(int modulus, SumTable table) {
        return new Arithmetic(modulus, table);
    }

    /** The family mod n with SSUM folding through the shuffled table of {@code tableSeed}. */
    public static Arithmetic of(int modulus, long tableSeed) {
        return new Arithmetic(modulus, SumTable.shuffled(modulus, tableSeed));
    }

    static int checkModulus(int modulus) {
        if (modulus < 2 || modulus > MAX_MODULUS) {
            throw new IllegalArgumentException("the modulus is from 2 to " + MAX_MODULUS + ", got " + modulus);
        }
        return modulus;
    }

    public int modulus() {
        return modulus;
    }

    /** All seven operators, in vocabulary order. */
    public List<Operator> operators() {
        return operators;
    }

    public Optional<Operator> operator(String name) {
        return notation.operator(name);
    }

    /** The operator of a name in {@link #NAMES}. */
    public Operator get(String name) {
        return operator(name).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "' is not a ListOps operator; they are " + NAMES));
    }

    public Notation notation() {
        return notation;
    }
}
