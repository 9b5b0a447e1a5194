package org.threshold.listops.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.EvalSet;
import org.threshold.listops.expression.Algebra;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.task.ConfigOrigin;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.task.ExpressionTask;
import org.threshold.listops.triplets.TripletDataset;

/**
 * A third operator family on the engine, as a plugin author writes one: its config record
 * implements {@link FamilyConfig}, its binder asks for its own keys and then {@link ModeKeys}, and
 * {@link FamilyTask} makes the task of either mode.
 */
class FamilyReuseTest {

    /** Bitwise XOR of the operands, written {@code ^}. */
    private static final Operator XOR = new Operator() {
        @Override
        public String name() {
            return "XOR";
        }

        @Override
        public String symbol() {
            return "^";
        }

        @Override
        public int evaluate(int[] operands) {
            int v = 0;
            for (int x : operands) {
                v ^= x;
            }
            return v;
        }
    };
    private static final Notation NOTATION = new Notation(Algebra.ofSize(8), List.of(XOR));

    record XorConfig(ExpressionSettings expressions, ExpressionMode mode, TripletDataset tripletDataset, String testOperator,
                     ConfigOrigin origin) implements FamilyConfig {

        static XorConfig bind(ConfigSection s) {
            ExpressionMode mode = s.choice("mode", ExpressionMode.EXPRESSIONS);
            ModeKeys keys = ModeKeys.bind(s, mode, List.of("XOR"), 8, Map.of("XOR", 1.0), "XOR");
            return new XorConfig(keys.expressions(), mode, keys.tripletDataset(), keys.testOperator(), ConfigOrigin.of(s));
        }
    }

    private static ConfigDocument document(String task) {
        return ConfigDocument.parse("task:\n" + task.indent(2), "xor.yaml");
    }

    @Test
    void expressionModeBindsTheSharedKeysAndMakesTheHeldOutSplit() {
        ConfigDocument doc = document("operators: [XOR]\ntrain_size: 2000\ntest_size: 200\neval_size: 100\n");
        XorConfig config = XorConfig.bind(doc.root().section("task"));
        doc.check();

        ExpressionTask task = FamilyTask.create(config, NOTATION, "XOR on 8 elements", ", bitwise", 1);

        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "XOR", "train");
        assertThat(task.describe()).startsWith("XOR on 8 elements, XOR within, depth 2, args 2-3, p_nest 0.3, CoT, bitwise; "
                + "2000 train, 200 test (");
    }

    @Test
    void tripletModeTakesItsDatasetAndTestOperatorAndNamesTheAlgebra() {
        ConfigDocument doc = document("mode: triplets\ntriplet_dataset: 900-balanced\n");
        XorConfig config = XorConfig.bind(doc.root().section("task"));
        doc.check();

        ExpressionTask task = FamilyTask.create(config, NOTATION, "XOR on 8 elements", ", bitwise", 1);

        assertThat(config.tripletDataset()).isEqualTo(TripletDataset.BALANCED);
        assertThat(task.describe()).startsWith("XOR on 8 elements triplets, dataset 900-balanced (XOR, ");
    }

    @Test
    void keysOfTheOtherModeAreProblemsThatSaySo() {
        ConfigDocument doc = document("mode: triplets\ndepth: 3\n");
        XorConfig.bind(doc.root().section("task"));
        doc.finish();

        assertThat(doc.problems()).extracting(ConfigProblem::toString).containsExactly("xor.yaml:3:3: task.depth: depth does not "
                + "apply to mode: triplets, whose equations are one operator on 3 elements over all n^3 triplets; remove it");
    }
}
