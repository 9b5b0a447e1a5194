package org.threshold.analysis.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.model.Model;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.SumPrompts;
import org.threshold.api.task.Task;
import org.threshold.api.task.Vocabulary;

/**
 * Component reuse (SPEC section 8) on hand-made models whose MLP outputs and answers are written
 * down in Java: the probe's numbers are what a direct computation gives.
 */
class ComponentReuseTest {

    static final int N = 7;

    /** Elements 0..n-1, then s, =, +, a, b, ",", ";": {@code sx+y=} and {@code sa=x,b=y;a+b=}. */
    static final class TwoWaySums implements SumPrompts {
        static final int S = N;
        static final int EQ = N + 1;
        static final int PLUS = N + 2;
        static final int A = N + 3;
        static final int B = N + 4;
        static final int COMMA = N + 5;
        static final int SEMI = N + 6;

        @Override
        public int modulus() {
            return N;
        }

        @Override
        public int elementId(int value) {
            return value;
        }

        @Override
        public int[] direct(int x, int y) {
            return new int[] {S, x, PLUS, y, EQ};
        }

        @Override
        public int[] routed(int x, int y) {
            return new int[] {S, A, EQ, x, COMMA, B, EQ, y, SEMI, A, PLUS, B, EQ};
        }

        /** The prompt's operands, read back. */
        static int[] operands(int[] prompt) {
            return prompt.length == 5 ? new int[] {prompt[1], prompt[3]} : new int[] {prompt[3], prompt[7]};
        }
    }

    /**
     * Three layers. Layer 0 has no MLP (zeros). Layer 1's MLP output is (x, y, 1) for a direct
     * prompt and (y, x, 1) for a routed one, and the answer ignores it. Layer 2's is the one-hot of
     * the sum, and the answer is its argmax: the model copies it exactly.
     */
    static final class HandMadeModel implements ReuseReading {

        @Override
        public int layers() {
            return 3;
        }

        double[][] outputs(int[] prompt) {
            int[] xy = TwoWaySums.operands(prompt);
            double[] layer1 = prompt.length == 5 ? new double[] {xy[0], xy[1], 1} : new double[] {xy[1], xy[0], 1};
            double[] layer2 = new double[N];
            layer2[(xy[0] + xy[1]) % N] = 1;
            return new double[][] {new double[3], layer1, layer2};
        }

        @Override
        public double[][][] mlpOut(List<int[]> prompts) {
            return prompts.stream().map(this::outputs).toArray(double[][][]::new);
        }

        @Override
        public int[] answers(List<int[]> prompts) {
            return prompts.stream().mapToInt(p -> argMax(outputs(p)[2])).toArray();
        }

        @Override
        public int[] patchedAnswers(List<int[]> prompts, int layer, double[][] rows) {
            int[] out = new int[prompts.size()];
            for (int i = 0; i < out.length; i++) {
                double[][] o = outputs(prompts.get(i));
                o[layer] = rows[i];
                out[i] = argMax(o[2]);
            }
            return out;
        }

        private static int argMax(double[] v) {
            int best = 0;
            for (int k = 1; k < v.length; k++) {
                if (v[k] > v[best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void patchingTheLayerTheAnswerCopiesGivesTheDonorsSumAndIdenticalOutputsHaveCosineOne() {
        SumPairs pairs = SumPairs.draw(N, 0, 3);
        ComponentReuse reuse = ComponentReuse.measure(new TwoWaySums(), new HandMadeModel(), pairs);
        assertThat(reuse.pairs()).isEqualTo(N * N);
        assertThat(reuse.directAccuracy()).isEqualTo(1.0);
        assertThat(reuse.routedAccuracy()).isEqualTo(1.0);
        assertThat(reuse.withoutMlp()).as("layer 0's MLP output is zero everywhere").containsExactly(0);
        assertThat(reuse.layers()).extracting(ComponentReuse.Layer::layer).containsExactly(1, 2);
        assertThat(reuse.chance()).isEqualTo(1.0 / N);

        ComponentReuse.Layer copied = reuse.layers().get(1);
        assertThat(copied.sameSpread().mean()).as("the same one-hot for direct and routed").isCloseTo(1.0, within(1e-12));
        assertThat(copied.sameSpread().sd()).isCloseTo(0.0, within(1e-12));
        assertThat(copied.controlSpread().mean()).as("one-hots of different sums are orthogonal").isEqualTo(0.0);
        assertThat(copied.controlSpread().max()).isEqualTo(0.0);
        assertThat(copied.donor()).isEqualTo(1.0);
        assertThat(copied.original()).isEqualTo(0.0);
        assertThat(copied.neither()).isEqualTo(0.0);
        assertThat(copied.zeroVectors()).isZero();
        for (int i = 0; i < pairs.size(); i++) {
            int[] q = pairs.donors().get(i);
            assertThat(copied.patched()[i]).isEqualTo((q[0] + q[1]) % N);
        }
    }

    @Test
    void aLayerTheAnswerIgnoresKeepsTheOriginalSumAndItsCosinesAreTheDirectComputation() {
        SumPairs pairs = SumPairs.draw(N, 20, 5);
        ComponentReuse reuse = ComponentReuse.measure(new TwoWaySums(), new HandMadeModel(), pairs);
        ComponentReuse.Layer ignored = reuse.layers().get(0);
        assertThat(ignored.layer()).isEqualTo(1);
        assertThat(ignored.original()).isEqualTo(1.0);
        assertThat(ignored.donor()).isEqualTo(0.0);

        double[] same = new double[pairs.size()];
        double[] control = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            int[] p = pairs.pairs().get(i);
            int[] q = pairs.donors().get(i);
            double[] routed = {p[1], p[0], 1};
            same[i] = cosine(new double[] {p[0], p[1], 1}, routed);
            control[i] = cosine(new double[] {q[0], q[1], 1}, routed);
        }
        assertThat(ignored.same()).containsExactly(same, within(1e-12));
        assertThat(ignored.control()).containsExactly(control, within(1e-12));
        assertThat(ignored.sameSpread().mean()).as("(x, y, 1) against (y, x, 1) is below 1 off the diagonal").isLessThan(1.0);
    }

    /**
     * One layer whose MLP output is the one-hot of y alone; the answer adds x, read from the prompt,
     * to its argmax. Patched with the donor's, the answer is x + y': the donor's sum where x' = x,
     * the original where y' = y, otherwise neither.
     */
    static final class SecondOperandModel implements ReuseReading {

        @Override
        public int layers() {
            return 1;
        }

        private static double[] oneHot(int k) {
            double[] v = new double[N];
            v[k] = 1;
            return v;
        }

        @Override
        public double[][][] mlpOut(List<int[]> prompts) {
            return prompts.stream().map(p -> new double[][] {oneHot(TwoWaySums.operands(p)[1])}).toArray(double[][][]::new);
        }

        @Override
        public int[] answers(List<int[]> prompts) {
            return prompts.stream().mapToInt(p -> (TwoWaySums.operands(p)[0] + TwoWaySums.operands(p)[1]) % N).toArray();
        }

        @Override
        public int[] patchedAnswers(List<int[]> prompts, int layer, double[][] rows) {
            int[] out = new int[prompts.size()];
            for (int i = 0; i < out.length; i++) {
                int y = 0;
                for (int k = 1; k < N; k++) {
                    y = rows[i][k] > rows[i][y] ? k : y;
                }
                out[i] = (TwoWaySums.operands(prompts.get(i))[0] + y) % N;
            }
            return out;
        }
    }

    @Test
    void patchedAnswersAreSortedIntoDonorOriginalAndNeitherAsTheirSumsSay() {
        SumPairs pairs = SumPairs.draw(N, 0, 11);
        ComponentReuse.Layer layer = ComponentReuse.measure(new TwoWaySums(), new SecondOperandModel(), pairs).layers().get(0);
        int donor = 0;
        int original = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int[] p = pairs.pairs().get(i);
            int[] q = pairs.donors().get(i);
            donor += q[0] == p[0] ? 1 : 0;
            original += q[1] == p[1] ? 1 : 0;
        }
        assertThat(donor).as("the seed gives some of each").isPositive();
        assertThat(original).isPositive();
        assertThat(donor + original).isLessThan(pairs.size());
        assertThat(layer.donor()).isEqualTo((double) donor / pairs.size());
        assertThat(layer.original()).isEqualTo((double) original / pairs.size());
        assertThat(layer.neither()).isEqualTo((double) (pairs.size() - donor - original) / pairs.size());
        assertThat(layer.sameSpread().mean()).as("both routes store the same y").isEqualTo(1.0);
    }

    @Test
    void everyPairOrADistinctSeededSampleEachWithADonorOfAnotherSum() {
        SumPairs all = SumPairs.draw(N, 0, 1);
        Set<Integer> seen = new HashSet<>();
        all.pairs().forEach(p -> seen.add(p[0] * N + p[1]));
        assertThat(seen).hasSize(N * N);
        SumPairs sample = SumPairs.draw(N, 30, 9);
        Set<Integer> drawn = new HashSet<>();
        sample.pairs().forEach(p -> drawn.add(p[0] * N + p[1]));
        assertThat(drawn).as("distinct pairs").hasSize(30);
        for (SumPairs s : List.of(all, sample)) {
            for (int i = 0; i < s.size(); i++) {
                int[] p = s.pairs().get(i);
                int[] q = s.donors().get(i);
                assertThat((q[0] + q[1]) % N).isNotEqualTo((p[0] + p[1]) % N);
            }
        }
        SumPairs again = SumPairs.draw(N, 30, 9);
        assertThat(again.pairs()).usingRecursiveFieldByFieldElementComparator().isEqualTo(sample.pairs());
        assertThat(again.donors()).usingRecursiveFieldByFieldElementComparator().isEqualTo(sample.donors());
        assertThat(SumPairs.draw(N, 1000, 9).size()).as("more than n² asks for all").isEqualTo(N * N);
    }

    @Test
    void aSpreadIsTheMeanSampleDeviationAndRange() {
        Spread s = Spread.of(new double[] {1, 2, 3, 6});
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt((4 + 1 + 0 + 9) / 3.0), within(1e-12));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(6.0);
        assertThat(Spread.of(new double[] {0.5}).sd()).isZero();
    }

    @Test
    void theCosineOfAZeroVectorIsCountedAndTakenAsZero() {
        int[] zeros = new int[1];
        assertThat(ComponentReuse.cosine(new double[] {0, 0}, new double[] {1, 2}, zeros)).isZero();
        assertThat(zeros[0]).isEqualTo(1);
        assertThat(ComponentReuse.cosine(new double[] {1, 2}, new double[] {2, 4}, zeros)).isEqualTo(1.0);
        assertThat(ComponentReuse.cosine(new double[] {1, 0}, new double[] {-1, 0}, zeros)).isEqualTo(-1.0);
    }

    /** A task known only by its description and whether it offers sum prompts. */
    record OneTask(String describe, Optional<SumPrompts> sumPrompts) implements Task {
        @Override
        public Vocabulary vocabulary() {
            return new Vocabulary(List.of("0", "<pad>"), "<pad>", "");
        }

        @Override
        public int contextLength() {
            throw new AssertionError("the refusal needs only the task's description");
        }

        @Override
        public List<Component> components() {
            throw new AssertionError("the refusal needs only the task's description");
        }

        @Override
        public List<EvalSet> evalSets() {
            throw new AssertionError("the refusal needs only the task's description");
        }

        @Override
        public Scorer scorer() {
            throw new AssertionError("the refusal needs only the task's description");
        }

        @Override
        public OptionalInt stopToken() {
            return OptionalInt.empty();
        }
    }

    record RunOf(String id, Task task) implements TrainedRun {
        @Override
        public Path directory() {
            return Path.of(id);
        }

        @Override
        public Map<String, String> labels() {
            return Map.of();
        }

        @Override
        public Map<String, Double> result() {
            return Map.of("test_accuracy", 1.0);
        }

        @Override
        public List<Evaluation> history() {
            return List.of();
        }

        @Override
        public Model model(NDManager manager) {
            throw new AssertionError("a run of another task is refused before its model is read");
        }

        @Override
        public List<Long> checkpointSteps() {
            return List.of();
        }

        @Override
        public Model modelAt(NDManager manager, long step) {
            throw new AssertionError("a run of another task is refused before its model is read");
        }
    }

    @TempDir
    Path dir;

    @Test
    void aRunOfAnotherTaskIsRefusedNamingItsTaskAndWhatToProbeInstead() {
        ConfigDocument doc = ConfigDocument.parse("{pairs: 10}", "probes.yaml");
        ComponentReuseConfig config = new ComponentReuseProvider().config(doc.root());
        doc.check();
        TrainedRun listops = new RunOf("3f2a", new OneTask("ListOps mod 10, SUM, depth 2", Optional.empty()));
        assertThatThrownBy(() -> new ComponentReuseProvider().create(config).run(new ProbeInput(List.of(listops), dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component-reuse: run 3f2a is not an assign-add run")
                .hasMessageContaining("ListOps mod 10, SUM, depth 2")
                .hasMessageContaining("probe runs of task type assign-add");
        assertThat(dir).isEmptyDirectory();
    }
}
