package org.threshold.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigSection;

/** Operation tables, the task SPI's optional capability behind {@code threshold tables}. */
class OperationTableTest {

    private static final List<String> Z3 = List.of("0", "1", "2");

    @Test
    void aTableHoldsTheOperatorOfEveryPairRowByRow() {
        OperationTable sub = OperationTable.of("SUB", "-", Z3, (a, b) -> Math.floorMod(a - b, 3));

        assertThat(sub.size()).isEqualTo(3);
        assertThat(sub.value(0, 1)).isEqualTo(2);
        assertThat(sub.cells()).isDeepEqualTo(new int[][] {{0, 2, 1}, {1, 0, 2}, {2, 1, 0}});
        assertThat(sub.csv()).isEqualTo("SUB,0,1,2\r\n0,0,2,1\r\n1,1,0,2\r\n2,2,1,0\r\n");
    }

    @Test
    void aGroupsTableIsALatinSquareAndAProjectionIsNot() {
        OperationTable add = OperationTable.of("ADD", "+", Z3, (a, b) -> (a + b) % 3);
        OperationTable left = OperationTable.of("LEFT", "<", Z3, (a, b) -> a);

        assertThat(add.isLatinSquare()).isTrue();
        assertThat(add.distinctValues()).isEqualTo(3);
        assertThat(left.isLatinSquare()).isFalse();
        assertThat(left.distinctValues()).isEqualTo(3);
        assertThat(OperationTable.of("ZERO", "0", Z3, (a, b) -> 0).distinctValues()).isEqualTo(1);
    }

    @Test
    void theCellsAreCopiedInAndOutAndCompareByValue() {
        int[][] cells = {{0, 1}, {1, 0}};
        OperationTable xor = new OperationTable("XOR", "^", List.of("a", "b"), cells);
        cells[0][0] = 1;
        xor.cells()[0][1] = 0;

        assertThat(xor.value(0, 0)).isZero();
        assertThat(xor.value(0, 1)).isEqualTo(1);
        assertThat(xor).isEqualTo(new OperationTable("XOR", "^", List.of("a", "b"), new int[][] {{0, 1}, {1, 0}}))
                .hasSameHashCodeAs(new OperationTable("XOR", "^", List.of("a", "b"), new int[][] {{0, 1}, {1, 0}}));
    }

    @Test
    void aTableThatIsNotSquareOrHoldsNoElementIsRefused() {
        assertThatThrownBy(() -> new OperationTable("T", "t", Z3, new int[2][3])).hasMessageContaining("one row per element");
        assertThatThrownBy(() -> new OperationTable("T", "t", Z3, new int[3][2])).hasMessageContaining("row 0 of T's table has 2 values");
        assertThatThrownBy(() -> new OperationTable("T", "t", List.of("a", "b"), new int[][] {{0, 2}, {1, 0}}))
                .hasMessageContaining("T(0, 1) = 2 is not an element 0..1");
        assertThatThrownBy(() -> OperationTable.of("ADD", "+", Z3, (a, b) -> a + b))
                .isInstanceOf(IllegalStateException.class).hasMessage("ADD(1, 2) = 3 is not an element 0..2");
    }

    @Test
    void aTaskWithoutOperatorsHasNoTablesByDefault() {
        TaskProvider<String> plain = new TaskProvider<>() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public String description() {
                return "no operators";
            }

            @Override
            public String config(ConfigSection section) {
                return "";
            }

            @Override
            public Task create(String config, TaskContext context) {
                throw new AssertionError("the tables are asked of the provider; no task is made");
            }
        };

        assertThat(plain.operationTables("", true)).isEmpty();
    }
}
