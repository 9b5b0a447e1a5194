package org.threshold.permutation.table;

import java.util.BitSet;
import java.util.List;
import org.threshold.listops.expression.Algebra;
import org.threshold.listops.expression.Operator;

/**
 * The operation table of an operator on two operands (appendix B, figures 26–28): the value in
 * row a, column b is the operator applied to (a, b), left to right; for OP that is the group
 * product a·b. It lets a researcher check an operator by eye: OP's table is a Latin square (every
 * element once in each row and column), OP_TOP's of S3×S3 holds 6 distinct values.
 */
public final class OperationTable {

    private final String operator;
    private final Algebra algebra;
    private final int[][] values;

    private OperationTable(String operator, Algebra algebra, int[][] values) {
        this.operator = operator;
        this.algebra = algebra;
        this.values = values;
    }

    /** The table of {@code operator} over every pair of elements of {@code algebra}. */
    public static OperationTable of(Operator operator, Algebra algebra) {
        int n = algebra.size();
        int[][] values = new int[n][n];
        int[] pair = new int[2];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                pair[0] = a;
                pair[1] = b;
                int v = operator.evaluate(pair);
                if (v < 0 || v >= n) {
                    throw new IllegalStateException(operator.name() + "(" + a + ", " + b + ") = " + v + " is not an element 0.." + (n - 1));
                }
                values[a][b] = v;
            }
        }
        return new OperationTable(operator.name(), algebra, values);
    }

    /** The operator's name, e.g. {@code OP_TOP}. */
    public String operator() {
        return operator;
    }

    /** Elements per side. */
    public int size() {
        return values.length;
    }

    /** The operator applied to (a, b). */
    public int value(int a, int b) {
        return values[a][b];
    }

    /** A copy of the table, {@code values[a][b]}. */
    public int[][] values() {
        int[][] copy = new int[values.length][];
        for (int a = 0; a < values.length; a++) {
            copy[a] = values[a].clone();
        }
        return copy;
    }

    /** Every element's token, in element order (the labels of rows and columns). */
    public List<String> tokens() {
        return algebra.tokens();
    }

    /** How many different values the table holds. */
    public int distinctValues() {
        BitSet seen = new BitSet(values.length);
        for (int[] row : values) {
            for (int v : row) {
                seen.set(v);
            }
        }
        return seen.cardinality();
    }

    /** Whether every element appears exactly once in each row and each column (the table of a group). */
    public boolean isLatinSquare() {
        int n = values.length;
        for (int i = 0; i < n; i++) {
            BitSet row = new BitSet(n);
            BitSet column = new BitSet(n);
            for (int j = 0; j < n; j++) {
                row.set(values[i][j]);
                column.set(values[j][i]);
            }
            if (row.cardinality() != n || column.cardinality() != n) {
                return false;
            }
        }
        return true;
    }

    /**
     * The table as CSV (RFC 4180, {@code \r\n} line ends): a header row {@code OP,0,1,…} of the
     * column elements, then one row per element a: its index, then the indices of the values
     * (a, b) for every b. Element indices rather than tokens, so that a spreadsheet or a script
     * reads numbers; {@code elements.csv} maps them to tokens. n + 1 rows for n elements.
     */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append(operator);
        for (int b = 0; b < values.length; b++) {
            sb.append(',').append(b);
        }
        sb.append("\r\n");
        for (int a = 0; a < values.length; a++) {
            sb.append(a);
            for (int b = 0; b < values.length; b++) {
                sb.append(',').append(values[a][b]);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }
}
