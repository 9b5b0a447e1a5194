package org.threshold.permutation.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.OperationTable;
import org.threshold.listops.family.FamilyTables;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.operators.PermutationFamily;

/** The group's operators tabulated through the engine's {@link FamilyTables}, and the key to their indices. */
class OperationTableTest {

    private final PermutationFamily paper = PermutationFamily.of(BlockDiagonalGroup.symmetric(3, 3));

    private OperationTable table(String operator) {
        return FamilyTables.table(paper.get(operator), paper.notation().algebra());
    }

    @Test
    void opsTableIsALatinSquareOfTheGroupProduct() {
        OperationTable op = table("OP");
        assertThat(op.size()).isEqualTo(36);
        assertThat(op.isLatinSquare()).isTrue();
        assertThat(op.distinctValues()).isEqualTo(36);
        for (int a = 0; a < 36; a++) {
            for (int b = 0; b < 36; b++) {
                assertThat(op.value(a, b)).isEqualTo(paper.group().product(a, b));
            }
        }
    }

    @Test
    void opTopAndOpBottomTablesHoldSixValuesAndAreNoLatinSquares() {
        assertThat(table("OP_TOP").distinctValues()).isEqualTo(6);
        assertThat(table("OP_BOTTOM").distinctValues()).isEqualTo(6);
        assertThat(table("OP_TOP").isLatinSquare()).isFalse();
        assertThat(table("OP_BOTTOM").isLatinSquare()).isFalse();
    }

    @Test
    void theCsvHasAHeaderRowAndOneRowPerElementOfIndices() {
        OperationTable op = table("OP");
        List<String> lines = op.csv().lines().toList();
        assertThat(op.csv()).endsWith("\r\n");
        assertThat(lines).hasSize(37);
        assertThat(lines.get(0)).startsWith("OP,0,1,2,").endsWith(",35");
        for (int a = 0; a < 36; a++) {
            String[] cells = lines.get(1 + a).split(",");
            assertThat(cells).hasSize(37);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(a);
            for (int b = 0; b < 36; b++) {
                assertThat(Integer.parseInt(cells[1 + b])).isEqualTo(op.value(a, b));
            }
        }
    }

    @Test
    void theElementListGivesEachIndexItsTokenPermutationAndBlocks() {
        List<String> lines = GroupElements.csv(paper).lines().toList();
        assertThat(lines).hasSize(37);
        assertThat(lines.get(0)).isEqualTo("index,token,permutation,rank.1,block.1,rank.2,block.2");
        assertThat(lines.get(1)).isEqualTo("0,0,[0 1 2 3 4 5],0,[0 1 2],0,[0 1 2]");
        // The example the javadoc gives: 7 = 6·1 + 1
        assertThat(lines.get(8)).isEqualTo("7,7,[0 2 1 3 5 4],1,[0 2 1],1,[0 2 1]");
        assertThat(lines.get(36)).startsWith("35,Z,");
    }
}
