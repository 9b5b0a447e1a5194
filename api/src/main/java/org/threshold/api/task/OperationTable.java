package org.threshold.api.task;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * The operation table of a binary operator over a task's elements (the joint-training paper's
 * appendix B, figures 26–28): the value in row a, column b is the operator applied to (a, b), left
 * to right, as an element index. {@code threshold tables} writes it as CSV and as a heat map, so
 * that a researcher checks an operator by eye before training: a group's product is a Latin square
 * (every element once in each row and column), an operator with few values shows few colours.
 *
 * <pre>{@code
 * OperationTable add = OperationTable.of("ADD", "+", List.of("0", "1", "2"), (a, b) -> (a + b) % 3);
 * }</pre>
 *
 * @param operator the operator's name, e.g. {@code OP_TOP}; the files are named after it
 * @param symbol the operator's symbol in the task's text, e.g. {@code +}; the figure's title shows it
 * @param labels every element's token, in index order: the rows' and columns' labels and the cells' text
 * @param cells {@code cells[a][b]}, the value of (a, b), each an element index 0..n-1; copied in and out
 */
public record OperationTable(String operator, String symbol, List<String> labels, int[][] cells) {

    public OperationTable {
        labels = List.copyOf(labels);
        int n = labels.size();
        if (n == 0) {
            throw new IllegalArgumentException("the operation table of " + operator + " needs at least one element");
        }
        if (cells.length != n) {
            throw new IllegalArgumentException("the operation table of " + operator + " needs one row per element: " + n
                    + " elements, " + cells.length + " rows");
        }
        int[][] copy = new int[n][];
        for (int a = 0; a < n; a++) {
            if (cells[a].length != n) {
                throw new IllegalArgumentException("row " + a + " of " + operator + "'s table has " + cells[a].length
                        + " values, expected " + n);
            }
            for (int b = 0; b < n; b++) {
                if (cells[a][b] < 0 || cells[a][b] >= n) {
                    throw new IllegalArgumentException(operator + "(" + a + ", " + b + ") = " + cells[a][b] + " is not an element 0.."
                            + (n - 1));
                }
            }
            copy[a] = cells[a].clone();
        }
        cells = copy;
    }

    /**
     * The table of {@code operator} over every pair of the {@code labels.size()} elements.
     *
     * @throws IllegalStateException when the operator gives a value that is no element index
     */
    public static OperationTable of(String operator, String symbol, List<String> labels, IntBinaryOperator values) {
        int n = labels.size();
        int[][] cells = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int v = values.applyAsInt(a, b);
                if (v < 0 || v >= n) {
                    throw new IllegalStateException(operator + "(" + a + ", " + b + ") = " + v + " is not an element 0.." + (n - 1));
                }
                cells[a][b] = v;
            }
        }
        return new OperationTable(operator, symbol, labels, cells);
    }

    /** A copy of the table, {@code cells[a][b]}. */
    @Override
    public int[][] cells() {
        int[][] copy = new int[cells.length][];
        for (int a = 0; a < cells.length; a++) {
            copy[a] = cells[a].clone();
        }
        return copy;
    }

    /** Elements per side. */
    public int size() {
        return cells.length;
    }

    /** The operator applied to (a, b). */
    public int value(int a, int b) {
        return cells[a][b];
    }

    /** How many different values the table holds. */
    public int distinctValues() {
        BitSet seen = new BitSet(cells.length);
        for (int[] row : cells) {
            for (int v : row) {
                seen.set(v);
            }
        }
        return seen.cardinality();
    }

    /** Whether every element appears exactly once in each row and each column (the table of a group). */
    public boolean isLatinSquare() {
        int n = cells.length;
        for (int i = 0; i < n; i++) {
            BitSet row = new BitSet(n);
            BitSet column = new BitSet(n);
            for (int j = 0; j < n; j++) {
                row.set(cells[i][j]);
                column.set(cells[j][i]);
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
     * reads numbers. n + 1 rows for n elements.
     */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append(operator);
        for (int b = 0; b < cells.length; b++) {
            sb.append(',').append(b);
        }
        sb.append("\r\n");
        for (int a = 0; a < cells.length; a++) {
            sb.append(a);
            for (int b = 0; b < cells.length; b++) {
                sb.append(',').append(cells[a][b]);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    // A record compares arrays by reference; two tables are equal when their cells are.
    @Override
    public boolean equals(Object other) {
        return other instanceof OperationTable t && operator.equals(t.operator) && symbol.equals(t.symbol)
                && labels.equals(t.labels) && Arrays.deepEquals(cells, t.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * operator.hashCode() + symbol.hashCode()) + labels.hashCode()) + Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return "OperationTable[" + operator + " (" + symbol + ") on " + cells.length + " elements]";
    }
}
