package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;

/** The task: section as a user writes it (without its type key, which the platform reads). */
class AdditionConfigTest {

    private record Bound(AdditionConfig config, List<String> problems, String resolved) {
    }

    private static Bound bind(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        AdditionConfig config = new AdditionProvider().config(doc.root());
        doc.finish();
        return new Bound(config, doc.problems().stream().map(ConfigProblem::toString).toList(), doc.resolvedYaml());
    }

    @Test
    void anEmptySectionIsSpecSection9sTenDigitAdditionWithAdderBoard() {
        Bound b = bind("{}");
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(AdditionConfig.defaults());
        assertThat(b.config()).isEqualTo(new AdditionConfig(10, DigitOrder.LSB, true, OptionalInt.empty(), 1_000, 0, true));
        assertThat(b.resolved()).contains("digits: 10", "order: lsb", "pad: true", "train_size: null", "eval_size: 1000",
                "length_eval_size: 0", "adderboard: true");
        assertThat(bind(b.resolved()).config()).isEqualTo(b.config());
    }

    @Test
    void everyKeyBinds() {
        Bound b = bind("""
                digits: 4
                order: msb
                pad: false
                train_size: 5000
                eval_size: 200
                length_eval_size: 30
                adderboard: false
                """);
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(new AdditionConfig(4, DigitOrder.MSB, false, OptionalInt.of(5_000), 200, 30, false));
    }

    @Test
    void adderboardIsOffByDefaultForOtherDigitCounts() {
        assertThat(bind("digits: 3").config().adderboard()).isFalse();
    }

    @Test
    void digitsOutsideOneToEighteenIsAProblemAtTheKey() {
        assertThat(bind("digits: 0").problems()).containsExactly("run.yaml:1:9: digits: expected an integer from 1 to 18, found '0'");
        assertThat(bind("order: lsb\ndigits: 19").problems())
                .containsExactly("run.yaml:2:9: digits: expected an integer from 1 to 18, found '19'");
    }

    @Test
    void aFixedSetLargerThanTheSpaceIsAProblemAtTrainSize() {
        assertThat(bind("digits: 2\neval_size: 1000\ntrain_size: 9500").problems()).containsExactly(
                "run.yaml:3:1: train_size: a fixed set of 9,500 pairs does not fit: 2-digit operands give 10,000 pairs and "
                        + "eval_size holds 1,000 of them out; expected at most 9,000");
    }

    @Test
    void aTestSetOfMoreThanHalfTheSpaceIsAProblemAtEvalSize() {
        assertThat(bind("digits: 1\neval_size: 80").problems()).containsExactly(
                "run.yaml:2:1: eval_size: expected from 1 to 50, half of the 100 pairs of 1-digit operands, so that training "
                        + "keeps the other half; found 80");
        assertThat(bind("digits: 1").config().evalSize()).as("the default shrinks to fit").isEqualTo(50);
    }

    @Test
    void adderboardWithOtherDigitsIsAProblemAtTheKey() {
        assertThat(bind("digits: 3\nadderboard: true").problems()).containsExactly(
                "run.yaml:2:1: adderboard: the AdderBoard cases add 10-digit numbers, but digits is 3; set adderboard: false, "
                        + "or digits: 10");
    }

    @Test
    void anUnknownOrderIsAProblemWithTheWordsThatExist() {
        assertThat(bind("order: lbs").problems()).singleElement().asString()
                .startsWith("run.yaml:1:8: order: expected one of lsb, msb, found 'lbs'");
    }

    @Test
    void everyProblemOfTheSectionIsReportedInOnePass() {
        Bound b = bind("digits: 2\neval_size: 6000\nadderboard: true\ntrian_size: 3");
        assertThat(b.problems()).hasSize(3);
        assertThat(b.problems().get(0)).startsWith("run.yaml:2:1: eval_size:");
        assertThat(b.problems().get(1)).startsWith("run.yaml:3:1: adderboard:");
        assertThat(b.problems().get(2)).startsWith("run.yaml:4:1: ").contains("trian_size").contains("train_size");
    }
}
