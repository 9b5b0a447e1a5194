package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceSpaceTest {

    @Test
    void sentenceCountsAreMFactorialOverMMinusLFactorial() {
        // section 3.1: 8·7·6·5 = 1,680; section 3.2: 12·11·10·9 = 11,880
        assertThat(new SentenceSpace(8, 4).size()).isEqualTo(1_680);
        assertThat(new SentenceSpace(12, 4).size()).isEqualTo(11_880);
        assertThat(new SentenceSpace(5, 5).size()).isEqualTo(120);
        assertThat(new SentenceSpace(9, 1).size()).isEqualTo(9);
        assertThat(SentenceSpace.count(3, 4)).isZero();
    }

    @Test
    void everyIndexIsADifferentSentenceWithoutRepeatedTokens() {
        SentenceSpace space = new SentenceSpace(8, 4);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            int[] s = space.sentence(i);
            assertThat(s).hasSize(4);
            assertThat(Arrays.stream(s).distinct().count()).as("no repeats in %s", Arrays.toString(s)).isEqualTo(4);
            assertThat(Arrays.stream(s).boxed()).allSatisfy(t -> assertThat(t).isBetween(0, 7));
            assertThat(seen.add(Arrays.toString(s))).isTrue();
            assertThat(space.index(s)).isEqualTo(i);
        }
        assertThat(seen).hasSize(1_680);
    }

    @Test
    void sentencesAreInLexicographicOrder() {
        SentenceSpace space = new SentenceSpace(8, 4);
        assertThat(space.sentence(0)).containsExactly(0, 1, 2, 3);
        assertThat(space.sentence(1)).containsExactly(0, 1, 2, 4);
        assertThat(space.sentence(space.size() - 1)).containsExactly(7, 6, 5, 4);
    }

    @Test
    void largeSpacesAreIndexedWithoutListingThem() {
        SentenceSpace space = new SentenceSpace(40, 8); // 40!/32! ≈ 3.6e12 sentences
        long index = 2_718_281_828_459L;
        assertThat(space.index(space.sentence(index))).isEqualTo(index);
    }

    @Test
    void badSentencesAndIndicesAreRejectedWithReasons() {
        SentenceSpace space = new SentenceSpace(8, 4);
        assertThatThrownBy(() -> space.index(new int[] {1, 1, 2, 3})).hasMessageContaining("without repeats");
        assertThatThrownBy(() -> space.sentence(1_680)).hasMessageContaining("outside 0..1679");
        assertThatThrownBy(() -> new SentenceSpace(3, 4)).hasMessageContaining("m is 3");
    }
}
