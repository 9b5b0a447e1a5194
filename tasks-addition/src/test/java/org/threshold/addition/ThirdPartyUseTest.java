package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/**
 * What a researcher's own code can do with only {@code threshold-api} and this module on the class
 * path: make addition data, read AdderBoard's cases and score answers. The README shows the same code.
 */
class ThirdPartyUseTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.google.inject.Guice", "ai.djl.ndarray.NDArray", "picocli.CommandLine"})
    void neitherGuiceNorDjlNorTheCliIsOnTheClassPath(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theProviderIsFoundByServiceLoader() {
        List<String> names = new ArrayList<>();
        for (TaskProvider<?> p : ServiceLoader.load(TaskProvider.class)) {
            names.add(p.name());
        }
        assertThat(names).containsExactly("addition");
    }

    @Test
    void generateAndScoreAdditionAndReadAdderBoard() {
        Task task = new AdditionProvider().create(AdditionConfig.defaults(), new TaskContext(1));
        String text = task.vocabulary().render(task.components().get(9).data().example(0, 0).tokens());
        assertThat(text).matches("\\d{10}\\+\\d{10}=\\d{11}e");

        EvalSet adderboard = task.evalSets().get(task.evalSets().size() - 1);
        EvalItem first = adderboard.items().get(0);
        assertThat(task.vocabulary().render(first.prompt()) + task.vocabulary().render(first.expected()))
                .isEqualTo("0000000000+0000000000=00000000000e");
        Map<String, Double> right = task.scorer().score(first, first.expected());
        assertThat(right).containsEntry("accuracy", 1.0).containsEntry("digit_accuracy", 1.0);

        List<Operands> cases = AdderBoard.cases();
        assertThat(cases.get(10).sum()).isEqualTo(2_395_527_356L + 9_334_186_774L);
    }
}
