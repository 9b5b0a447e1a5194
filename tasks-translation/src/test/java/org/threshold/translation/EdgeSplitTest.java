package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EdgeSplitTest {

    private static Set<Long> set(long[] values) {
        return Arrays.stream(values).boxed().collect(Collectors.toSet());
    }

    @Test
    void noTestSentenceOfAnEdgeIsInItsTrainingData() {
        for (long seed = 0; seed < 50; seed++) {
            for (int samples : new int[] {0, 50, 1_580, 2_500}) {
                EdgeSplit split = EdgeSplit.draw(1_680, 100, samples, new SplittableRandom(seed));
                assertThat(split.test()).hasSize(100);
                assertThat(set(split.test())).hasSize(100);
                assertThat(split.training()).hasSize(samples);
                assertThat(set(split.training())).doesNotContainAnyElementsOf(set(split.test()));
                assertThat(Arrays.stream(split.training()).boxed()).allSatisfy(t -> assertThat(t).isBetween(0L, 1_679L));
            }
        }
    }

    @Test
    void samplingWithReplacementFillsCountsLargerThanThePool() {
        // section 3.1: 2,500 samples, but only 1,680 - 100 = 1,580 sentences are left after the test set
        EdgeSplit split = EdgeSplit.draw(1_680, 100, 2_500, new SplittableRandom(4));
        assertThat(split.withReplacement()).isTrue();
        assertThat(split.training()).hasSize(2_500);
        assertThat(split.distinctTraining()).isLessThan(1_580).isEqualTo(set(split.training()).size());
        // uniform draws with replacement: about 1580·(1 − e^(−2500/1580)) ≈ 1,259 distinct
        assertThat(split.distinctTraining()).isBetween(1_200L, 1_320L);

        EdgeSplit tiny = EdgeSplit.draw(24, 23, 10, new SplittableRandom(1));
        assertThat(set(tiny.training())).hasSize(1).doesNotContainAnyElementsOf(set(tiny.test()));
    }

    @Test
    void countsThatFitTheRestAreDistinct() {
        EdgeSplit split = EdgeSplit.draw(1_680, 100, 1_580, new SplittableRandom(9));
        assertThat(split.withReplacement()).isFalse();
        assertThat(split.distinctTraining()).isEqualTo(1_580);
        assertThat(set(split.training())).hasSize(1_580);
    }

    @Test
    void testSentencesDoNotDependOnTheSampleCountAndSmallerCountsAreNested() {
        EdgeSplit ten = EdgeSplit.draw(1_680, 100, 10, new SplittableRandom(5));
        EdgeSplit fifty = EdgeSplit.draw(1_680, 100, 50, new SplittableRandom(5));
        EdgeSplit none = EdgeSplit.draw(1_680, 100, 0, new SplittableRandom(5));
        assertThat(fifty.test()).containsExactly(ten.test()).containsExactly(none.test());
        assertThat(Arrays.copyOf(fifty.training(), 10)).containsExactly(ten.training());
    }

    @Test
    void worksForSpacesTooLargeToList() {
        EdgeSplit split = EdgeSplit.draw(3_100_000_000_000L, 100, 1_000, new SplittableRandom(2));
        assertThat(set(split.training())).hasSize(1_000).doesNotContainAnyElementsOf(set(split.test()));
    }
}
