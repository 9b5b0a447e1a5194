package org.threshold.listops.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludedTripletsTest {

    @Test
    void theDefaultSizeIsAHundredOrATenthOfAllTriplets() {
        assertThat(ExcludedTriplets.defaultCount(10)).isEqualTo(100);
        assertThat(ExcludedTriplets.defaultCount(4)).isEqualTo(6);
        assertThat(ExcludedTriplets.defaultCount(3)).isEqualTo(2);
        assertThat(ExcludedTriplets.defaultCount(2)).isZero();
        assertThat(ExcludedTriplets.defaultCount(226)).isEqualTo(100);
    }

    @Test
    void chosenTripletsAreDistinctInRangeAndReproducible() {
        for (int n : new int[] {3, 10, 97, 226, 400}) {
            int count = (int) Math.min(500, ExcludedTriplets.count(n) / 2);
            ExcludedTriplets a = ExcludedTriplets.choose(n, count, 17);
            assertThat(a.size()).isEqualTo(count);
            assertThat(a.triplets()).doesNotHaveDuplicates();
            for (Triplet t : a.triplets()) {
                assertThat(List.of(t.first(), t.second(), t.third())).allMatch(v -> v >= 0 && v < n);
                assertThat(a.contains(t)).isTrue();
            }
            assertThat(ExcludedTriplets.choose(n, count, 17).triplets()).isEqualTo(a.triplets());
            assertThat(ExcludedTriplets.choose(n, count, 18).triplets()).isNotEqualTo(a.triplets());
        }
    }

    @Test
    void membershipIsExactForSmallAndLargeModuli() {
        for (int n : new int[] {10, 300}) {
            ExcludedTriplets e = ExcludedTriplets.of(n, List.of(new Triplet(7, 4, 9), new Triplet(0, 0, n - 1)));
            assertThat(e.contains(7, 4, 9)).isTrue();
            assertThat(e.contains(9, 4, 7)).as("triplets are ordered").isFalse();
            assertThat(e.contains(0, 0, n - 1)).isTrue();
            assertThat(e.containsOperands(new int[] {7, 4, 9})).isTrue();
            assertThat(e.containsOperands(new int[] {7, 4})).isFalse();
            assertThat(e.containsOperands(new int[] {7, 4, 9, 1})).isFalse();
        }
    }

    @Test
    void allTripletsCanBeExcludedButNoMore() {
        ExcludedTriplets all = ExcludedTriplets.choose(3, 27, 1);
        assertThat(all.triplets()).hasSize(27).doesNotHaveDuplicates();
        assertThatThrownBy(() -> ExcludedTriplets.choose(3, 28, 1)).hasMessageContaining("has 27 ordered triplets");
        assertThatThrownBy(() -> ExcludedTriplets.of(10, List.of(new Triplet(1, 2, 3), new Triplet(1, 2, 3))))
                .hasMessageContaining("excluded twice");
    }

    @Test
    void ranksOrderTripletsLexicographically() {
        assertThat(new Triplet(7, 4, 9).rank(10)).isEqualTo(749);
        assertThat(Triplet.ofRank(749, 10)).isEqualTo(new Triplet(7, 4, 9));
        assertThat(Triplet.ofRank(new Triplet(225, 3, 17).rank(226), 226)).isEqualTo(new Triplet(225, 3, 17));
    }
}
