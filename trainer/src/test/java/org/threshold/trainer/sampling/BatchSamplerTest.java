package org.threshold.trainer.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Component;
import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;
import org.threshold.trainer.fixtures.SequenceTask;

class BatchSamplerTest {

    private final SequenceTask task = new SequenceTask(7, 4, 50, 10, 1.0);

    private BatchSampler sampler(long initSeed, int batch) {
        return new BatchSampler(task.components(), initSeed, batch,
                new BatchLayout(task.vocabulary().pad(), task.contextLength(), false));
    }

    @Test
    void eachSequenceComponentIsChosenInProportionToTheCurriculumWeights() {
        BatchSampler sampler = sampler(1, 64);
        int copies = 0;
        int rows = 0;
        for (long step = 1; step <= 200; step++) {
            Batch b = sampler.next(step, Map.of("copy", 3.0, "reverse", 1.0));
            for (int c : b.components()) {
                copies += c == 0 ? 1 : 0;
                rows++;
            }
        }
        assertThat(copies / (double) rows).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void aComponentWithZeroOrNoWeightIsNeverDrawn() {
        BatchSampler sampler = sampler(1, 64);
        for (long step = 1; step <= 20; step++) {
            assertThat(sampler.next(step, Map.of("copy", 0.0, "reverse", 2.0)).components()).containsOnly(1);
            assertThat(sampler.next(step, Map.of("copy", 1.0)).components()).containsOnly(0);
        }
    }

    @Test
    void everyEpochShowsEveryExampleOnceInANewOrder() {
        // one component of 50 examples, batch 10: steps 1-5 are epoch 0, steps 6-10 epoch 1
        BatchSampler sampler = sampler(3, 10);
        List<String> epoch0 = new ArrayList<>();
        List<String> epoch1 = new ArrayList<>();
        for (long step = 1; step <= 10; step++) {
            Batch b = sampler.next(step, Map.of("reverse", 1.0));
            (step <= 5 ? epoch0 : epoch1).addAll(rows(b));
        }
        Set<String> all = new HashSet<>();
        for (Example e : examplesOf(task.components().get(1).data())) {
            all.add(task.vocabulary().render(Arrays.copyOf(e.tokens(), e.length() - 1)));
        }
        assertThat(new HashSet<>(epoch0)).isEqualTo(all).hasSize(50);
        assertThat(epoch0).doesNotHaveDuplicates();
        assertThat(epoch1).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(epoch0).isNotEqualTo(epoch0);
    }

    @Test
    void theSameInitSeedDrawsTheSameBatchesAndAnotherSeedOthers() {
        BatchSampler a = sampler(5, 16);
        BatchSampler b = sampler(5, 16);
        BatchSampler c = sampler(6, 16);
        boolean differs = false;
        for (long step = 1; step <= 10; step++) {
            Map<String, Double> w = Map.of("copy", 1.0, "reverse", 1.0);
            Batch x = a.next(step, w);
            Batch y = b.next(step, w);
            Batch z = c.next(step, w);
            assertThat(x.inputs()).isEqualTo(y.inputs());
            assertThat(x.components()).isEqualTo(y.components());
            differs |= !Arrays.equals(x.inputs(), z.inputs());
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aRestoredSamplerContinuesExactlyWhereTheSavedOneWas() {
        Map<String, Double> w = Map.of("copy", 2.0, "reverse", 1.0);
        BatchSampler original = sampler(9, 32);
        for (long step = 1; step <= 7; step++) {
            original.next(step, w);
        }
        SamplerState saved = original.state();
        BatchSampler resumed = sampler(9, 32);
        resumed.restore(saved);
        for (long step = 8; step <= 15; step++) {
            Batch expected = original.next(step, w);
            Batch actual = resumed.next(step, w);
            assertThat(actual.inputs()).isEqualTo(expected.inputs());
            assertThat(actual.targets()).isEqualTo(expected.targets());
        }
        assertThat(resumed.state()).isEqualTo(original.state());
    }

    @Test
    void theStateCountsTheExamplesDrawnPerComponent() {
        BatchSampler sampler = sampler(1, 8);
        sampler.next(1, Map.of("copy", 1.0));
        sampler.next(2, Map.of("copy", 1.0));
        sampler.next(3, Map.of("reverse", 1.0));
        assertThat(sampler.state().drawn()).isEqualTo(Map.of("copy", 16L, "reverse", 8L));
    }

    @Test
    void weightForAnUnknownComponentNamesTheComponentsThatExist() {
        assertThatThrownBy(() -> sampler(1, 4).next(12, Map.of("SUM", 1.0)))
                .hasMessageContaining("'SUM'").hasMessageContaining("step 12").hasMessageContaining("[copy, reverse]");
    }

    @Test
    void weightsThatAreAllZeroAreAnError() {
        assertThatThrownBy(() -> sampler(1, 4).next(3, Map.of("copy", 0.0)))
                .hasMessageContaining("no component a positive weight at step 3");
    }

    @Test
    void aCheckpointOfAnotherTaskIsRefused() {
        assertThatThrownBy(() -> sampler(1, 4).restore(new SamplerState(Map.of("MAX", 3L))))
                .hasMessageContaining("[MAX]").hasMessageContaining("another task");
    }

    @Test
    void aComponentWithoutExamplesIsRefused() {
        TrainingSet empty = new TrainingSet() {
            @Override
            public int size() {
                return 0;
            }

            @Override
            public Example example(int epoch, int index) {
                throw new IndexOutOfBoundsException(index);
            }
        };
        assertThatThrownBy(() -> new BatchSampler(List.of(new Component("MAX", 1, empty)), 1, 4,
                new BatchLayout(0, 8, false))).hasMessageContaining("component MAX has no training examples");
    }

    private List<String> rows(Batch b) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < b.rows(); r++) {
            int[] row = Arrays.copyOfRange(b.inputs(), r * b.time(), (r + 1) * b.time());
            int n = row.length;
            while (n > 0 && row[n - 1] == task.vocabulary().pad()) {
                n--;
            }
            out.add(task.vocabulary().render(Arrays.copyOf(row, n)));
        }
        return out;
    }

    private static List<Example> examplesOf(TrainingSet set) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            out.add(set.example(0, i));
        }
        return out;
    }
}
