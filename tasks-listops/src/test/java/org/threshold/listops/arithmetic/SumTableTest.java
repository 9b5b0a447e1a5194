package org.threshold.listops.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SumTableTest {

    private static List<Integer> diagonal(SumTable t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.modulus(); i++) {
            out.add(t.get(i, i));
        }
        return out;
    }

    private static List<Integer> upperTriangle(SumTable t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.modulus(); i++) {
            for (int j = i + 1; j < t.modulus(); j++) {
                out.add(t.get(i, j));
            }
        }
        return out;
    }

    private static List<Integer> sorted(List<Integer> values) {
        return values.stream().sorted().toList();
    }

    private static boolean commutative(SumTable t) {
        for (int a = 0; a < t.modulus(); a++) {
            for (int b = 0; b < t.modulus(); b++) {
                if (t.get(a, b) != t.get(b, a)) {
                    return false;
                }
            }
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 20, 26, 97, 226})
    void shuffledTableIsCommutative(int n) {
        assertThat(commutative(SumTable.shuffled(n, 5))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 20, 26, 97, 226})
    void shuffledTableKeepsTheValueMultisetOfTheDiagonalAndOfTheRestSeparately(int n) {
        SumTable truth = SumTable.trueSums(n);
        SumTable shuffled = SumTable.shuffled(n, 5);
        assertThat(sorted(diagonal(shuffled))).isEqualTo(sorted(diagonal(truth)));
        assertThat(sorted(upperTriangle(shuffled))).isEqualTo(sorted(upperTriangle(truth)));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 26, 97, 226})
    void shuffledTableDiffersFromTheTrueTable(int n) {
        SumTable truth = SumTable.trueSums(n);
        for (long seed = 0; seed < 5; seed++) {
            SumTable shuffled = SumTable.shuffled(n, seed);
            assertThat(shuffled).isNotEqualTo(truth);
            assertThat(upperTriangle(shuffled)).isNotEqualTo(upperTriangle(truth));
            assertThat(diagonal(shuffled)).isNotEqualTo(diagonal(truth));
        }
    }

    @Test
    void tablesAreReproducibleFromTheirSeedAndDifferBetweenSeeds() {
        assertThat(SumTable.shuffled(10, 42)).isEqualTo(SumTable.shuffled(10, 42)).isNotEqualTo(SumTable.shuffled(10, 43));
        assertThat(SumTable.random(10, 42)).isEqualTo(SumTable.random(10, 42)).isNotEqualTo(SumTable.random(10, 43));
    }

    @Test
    void randomTableIsCommutativeWithValuesInRangeAndUnevenCounts() {
        SumTable random = SumTable.random(26, 9);
        assertThat(commutative(random)).isTrue();
        int[] counts = new int[26];
        for (int a = 0; a < 26; a++) {
            for (int b = 0; b < 26; b++) {
                assertThat(random.get(a, b)).isBetween(0, 25);
                counts[random.get(a, b)]++;
            }
        }
        // the true table has every value exactly 26 times; i.i.d. values do not
        assertThat(counts).isNotEqualTo(java.util.stream.IntStream.generate(() -> 26).limit(26).toArray());
        assertThat(random).isNotEqualTo(SumTable.trueSums(26)).isNotEqualTo(SumTable.shuffled(26, 9));
    }

    @Test
    void theTrueTableIsTheSumModN() {
        SumTable t = SumTable.trueSums(7);
        assertThat(t.get(5, 4)).isEqualTo(2);
        assertThat(t.get(0, 6)).isEqualTo(6);
    }

    @Test
    void ssumFoldsLeftToRightThroughItsTable() {
        SumTable table = SumTable.shuffled(10, 11);
        TableSum ssum = new TableSum(table);
        assertThat(ssum.evaluate(new int[] {4})).isEqualTo(4);
        assertThat(ssum.evaluate(new int[] {1, 2, 3})).isEqualTo(table.get(table.get(1, 2), 3));
    }
}
