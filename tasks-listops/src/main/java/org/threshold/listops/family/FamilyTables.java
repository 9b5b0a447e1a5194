package org.threshold.listops.family;

import java.util.List;
import java.util.Optional;
import org.threshold.api.task.OperationTable;
import org.threshold.api.task.OperationTables;
import org.threshold.listops.expression.Algebra;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;

/**
 * The operation tables of a family's operators (the task SPI's optional capability behind
 * {@code threshold tables}): each operator applied to two operands, over every pair of the
 * algebra's elements.
 */
public final class FamilyTables {

    private FamilyTables() {
    }

    /**
     * @param algebra how the titles name the algebra, e.g. "mod 10"
     * @param operators the names of the operators to tabulate, in the order to write them
     * @param elements the key to the element indices, when the family has one
     */
    public static OperationTables of(String algebra, Notation notation, List<String> operators,
            Optional<OperationTables.ElementList> elements) {
        List<OperationTable> tables = operators.stream()
                .map(name -> table(notation.operator(name).orElseThrow(() -> new IllegalArgumentException(
                        "'" + name + "' is not an operator of " + notation)), notation.algebra()))
                .toList();
        return new OperationTables(algebra, tables, elements);
    }

    /** The table of {@code operator} over every pair of elements of {@code algebra}: row a, column b holds (a, b). */
    public static OperationTable table(Operator operator, Algebra algebra) {
        int[] pair = new int[2];
        return OperationTable.of(operator.name(), operator.symbol(), algebra.tokens(), (a, b) -> {
            // one array for all n² pairs: the operators read their operands and keep nothing
            pair[0] = a;
            pair[1] = b;
            return operator.evaluate(pair);
        });
    }

    /** The names of every operator of a notation, in vocabulary order. */
    public static List<String> every(Notation notation) {
        return notation.operators().stream().map(Operator::name).toList();
    }
}
