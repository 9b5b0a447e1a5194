package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's random.Random, bit for bit: the numbers below were printed by python3. */
class PythonRandomTest {

    @Test
    void theTwisterGivesMt19937arsReferenceOutputForItsReferenceKey() {
        // mt19937ar.c's main(): init_by_array({0x123, 0x234, 0x345, 0x456}), then genrand_int32()
        Mt19937 g = Mt19937.byArray(new int[] {0x123, 0x234, 0x345, 0x456});
        List<Long> words = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            words.add(Integer.toUnsignedLong(g.nextWord()));
        }
        assertThat(words).containsExactly(1067595299L, 955945823L, 477289528L, 4107218783L, 4228976476L, 3344332714L,
                3355579695L, 227628506L, 810200273L, 2591290167L);
    }

    @Test
    void getrandbitsTakesTheTopBitsOfAWordOrWholeWordsLeastSignificantFirst() {
        // python3: r = random.Random(2025); r.getrandbits(34), r.getrandbits(3), r.getrandbits(0), r.getrandbits(63), r.getrandbits(32)
        PythonRandom r = PythonRandom.seeded(2025);
        assertThat(r.getrandbits(34)).isEqualTo(2395527356L);
        assertThat(r.getrandbits(3)).isEqualTo(5L);
        assertThat(r.getrandbits(0)).isZero();
        assertThat(r.getrandbits(63)).isEqualTo(4405139769154635683L);
        assertThat(r.getrandbits(32)).isEqualTo(4066832970L);
    }

    @Test
    void aNegativeSeedIsItsAbsoluteValueAndRandintCoversBothEnds() {
        // python3: r = random.Random(-5); r.randint(0, 10**18 - 1), r.randint(7, 7), r.randint(-3, 3)
        PythonRandom r = PythonRandom.seeded(-5);
        assertThat(r.randint(0, 999_999_999_999_999_999L)).isEqualTo(294508053350743109L);
        assertThat(r.randint(7, 7)).isEqualTo(7L);
        assertThat(r.randint(-3, 3)).isEqualTo(3L);
    }

    @Test
    void tenDigitDrawsOfAnotherSeedEqualPythons() {
        assertThat(AdderBoard.randomPairs(12345, 1_000, 10)).isEqualTo(Fixtures.pairs("pairs-seed12345-digits10.txt"));
    }

    @Test
    void eighteenDigitDrawsOfSeedZeroEqualPythons() {
        // 60 bits a draw: a whole word, then the top 28 bits of the next
        assertThat(AdderBoard.randomPairs(0, 300, 18)).isEqualTo(Fixtures.pairs("pairs-seed0-digits18.txt"));
    }

    @Test
    void threeDigitDrawsOfASeedOfTwoWordsEqualPythons() {
        // 10 bits a draw, the top of one word; the seed 2^40 + 7 is the key [7, 256]
        assertThat(AdderBoard.randomPairs((1L << 40) + 7, 300, 3)).isEqualTo(Fixtures.pairs("pairs-seed1099511627783-digits3.txt"));
    }
}
