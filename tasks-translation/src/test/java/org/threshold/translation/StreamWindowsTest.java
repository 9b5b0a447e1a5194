package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Example;

class StreamWindowsTest {

    /** Token i of the stream is i, so a window shows where it was cut. */
    private static int[] numbered(int length) {
        return IntStream.range(0, length).toArray();
    }

    private static List<int[]> epoch(StreamWindows w, int epoch) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            out.add(w.example(epoch, i).tokens());
        }
        return out;
    }

    @Test
    void windowsAreDeterministicPerEpochAndDifferBetweenEpochsWhenRecut() {
        StreamWindows a = new StreamWindows(numbered(1_000), 22, true, 42);
        StreamWindows b = new StreamWindows(numbered(1_000), 22, true, 42);
        for (int e = 0; e < 5; e++) {
            assertThat(epoch(a, e)).usingRecursiveComparison().isEqualTo(epoch(b, e));
            assertThat(a.example(e, 7).tokens()).containsExactly(a.example(e, 7).tokens());
        }
        long distinctOffsets = IntStream.range(0, 20).map(a::offset).distinct().count();
        assertThat(distinctOffsets).isGreaterThan(15);
        assertThat(a.example(0, 0).tokens()).isNotEqualTo(a.example(1, 0).tokens());
    }

    @Test
    void fixedWindowsAreTheSameEveryEpoch() {
        StreamWindows fixed = new StreamWindows(numbered(1_000), 22, false, 42);
        assertThat(fixed.offset(0)).isZero();
        assertThat(fixed.example(0, 3).tokens()).containsExactly(IntStream.range(66, 88).toArray());
        assertThat(epoch(fixed, 9)).usingRecursiveComparison().isEqualTo(epoch(fixed, 0));
    }

    @Test
    void anEpochReadsEveryTokenAtLeastOnceAndWrapsTheLastWindowRound() {
        StreamWindows w = new StreamWindows(numbered(1_000), 22, true, 3);
        assertThat(w.size()).isEqualTo(46); // ⌈1000/22⌉
        for (int e = 0; e < 4; e++) {
            int[] reads = new int[1_000];
            for (int[] window : epoch(w, e)) {
                assertThat(window).hasSize(22);
                for (int i = 1; i < window.length; i++) {
                    // consecutive stream tokens, the stream read as a cycle
                    assertThat(window[i]).isEqualTo((window[i - 1] + 1) % 1_000);
                }
                for (int t : window) {
                    reads[t]++;
                }
            }
            assertThat(IntStream.of(reads).boxed()).allSatisfy(r -> assertThat(r).isBetween(1, 2));
            assertThat(IntStream.of(reads).filter(r -> r == 2).count()).isEqualTo(46 * 22 - 1_000);
            assertThat(epoch(w, e).get(0)[0]).isEqualTo(w.offset(e));
        }
    }

    @Test
    void everyTokenIsATarget() {
        Example x = new StreamWindows(numbered(100), 22, true, 1).example(2, 1);
        assertThat(x.completionStart()).isZero();
        assertThat(x.length()).isEqualTo(22);
    }

    @Test
    void aStreamShorterThanTheContextIsOneWindow() {
        StreamWindows w = new StreamWindows(numbered(10), 22, true, 1);
        assertThat(w.size()).isEqualTo(1);
        assertThat(w.example(0, 0).tokens()).hasSize(10).containsExactlyInAnyOrder(numbered(10));
    }
}
