package org.threshold.assignadd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.task.TaskContext;

/** The task: section as a user writes it (without its type key, which the platform reads). */
class AssignAddConfigTest {

    private record Bound(AssignAddConfig config, List<String> problems, String resolved) {
    }

    private static Bound bind(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        AssignAddConfig config = new AssignAddProvider().config(doc.root());
        doc.finish();
        return new Bound(config, doc.problems().stream().map(ConfigProblem::toString).toList(), doc.resolvedYaml());
    }

    @Test
    void anEmptySectionIsSpecSection8sDefaults() {
        Bound b = bind("{}");
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(AssignAddConfig.defaults())
                .isEqualTo(new AssignAddConfig(10, 6, 2, 3, 0.25, 20_000, 500));
        assertThat(b.resolved()).contains("modulus: 10", "variables: 6", "bindings:", "held_out: 0.25", "train_size: 20000",
                "eval_size: 500");
        assertThat(bind(b.resolved()).config()).isEqualTo(b.config());
    }

    @Test
    void everyKeyBinds() {
        Bound b = bind("modulus: 40\nvariables: 24\nbindings: [3, 5]\nheld_out: 0.1\ntrain_size: 3000\neval_size: 50");
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(new AssignAddConfig(40, 24, 3, 5, 0.1, 3_000, 50));
    }

    @Test
    void aSplitThatLeavesAVariableNoTrainingValueIsAProblemAtHeldOut() {
        assertThat(bind("modulus: 4\nheld_out: 1").problems()).containsExactly("run.yaml:2:1: held_out: with modulus 4, 6 "
                + "variables and held_out 1, each variable holds out m = max(1, floor(held_out * modulus)) = 4 of the 4 values, "
                + "so no variable keeps a value to train with; lower held_out");
    }

    @Test
    void aSplitThatLeavesAValueNoTrainingVariableIsAProblemAtHeldOut() {
        // m = 2 of 3: a holds out 0 and 1, b holds out 2 and 0, so 0 is never bound in training
        assertThat(bind("modulus: 3\nvariables: 2\nbindings: [2, 2]\nheld_out: 0.7").problems()).containsExactly(
                "run.yaml:4:1: held_out: with modulus 3, 2 variables and held_out 0.7, each variable holds out m = max(1, "
                        + "floor(held_out * modulus)) = 2 of the 3 values, and every variable holds out the value 0, so no "
                        + "training example binds it; lower held_out or raise variables");
    }

    @Test
    void aSplitWhereNoTwoVariablesShareATrainingValueIsAProblemAtHeldOut() {
        // m = 1 of 2: a may hold only 1, b only 0, so b=a can never be trained
        assertThat(bind("modulus: 2\nvariables: 2\nbindings: [2, 2]\nheld_out: 0.5").problems()).singleElement().asString()
                .startsWith("run.yaml:4:1: held_out: with modulus 2, 2 variables and held_out 0.5,")
                .endsWith("no two variables share a value they may hold in training, so no chain (b=a binds b to a's value) "
                        + "can be trained; lower held_out or raise variables");
    }

    @Test
    void bindingsMustBeARangeFromTwoToTheVariables() {
        assertThat(bind("bindings: [1, 3]").problems()).singleElement().asString().startsWith("run.yaml:1:1: bindings: bindings "
                + "is the range [min, max] of variables an example binds, with 2 <= min <= max").endsWith("found [1, 3]");
        assertThat(bind("bindings: [3]").problems()).singleElement().asString().endsWith("found a list that is not two integers");
        assertThat(bind("variables: 3\nbindings: [2, 4]").problems()).containsExactly(
                "run.yaml:2:1: bindings: an example binds distinct variables, so at most variables (3); found [2, 4]");
    }

    @Test
    void modulusAndVariablesAreRangeChecked() {
        assertThat(bind("modulus: 1001").problems()).singleElement().asString()
                .startsWith("run.yaml:1:10: modulus: expected an integer from 2 to 1000");
        assertThat(bind("variables: 25").problems()).singleElement().asString()
                .startsWith("run.yaml:1:12: variables: expected an integer from 2 to 24");
    }

    @Test
    void everyProblemOfTheSectionIsReportedInOnePass() {
        Bound b = bind("modulus: 4\nheld_out: 1\nbindings: [4, 2]\neval_size: 0\ntrian_size: 3");
        assertThat(b.problems()).hasSize(4);
        assertThat(b.problems().get(0)).startsWith("run.yaml:2:1: held_out:");
        assertThat(b.problems().get(1)).startsWith("run.yaml:3:1: bindings:");
        assertThat(b.problems().get(2)).startsWith("run.yaml:4:12: eval_size:");
        assertThat(b.problems().get(3)).contains("trian_size").contains("train_size");
    }

    @Test
    void aSetTheSpaceCannotFillIsRefusedNamingItsKey() {
        // 3 values, 2 variables, a holding out 0 and b 1: 16 lookup examples in distribution, 4 of them tested
        AssignAddConfig small = new AssignAddConfig(3, 2, 2, 2, 0.34, 200, 4);
        assertThatThrownBy(() -> new AssignAddProvider().create(small, new TaskContext(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("train_size: the lookup training set cannot be filled: 20,000 draws gave 12 distinct examples "
                        + "of the 200 asked for; lower train_size");
        assertThatThrownBy(() -> new AssignAddProvider().create(small.withSizes(6, 40), new TaskContext(1)))
                .hasMessageStartingWith("eval_size: the lookup test set cannot be filled");
    }
}
