package org.threshold.permutation;

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
import org.threshold.api.task.Example;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.api.task.Vocabulary;

/**
 * What a researcher's own code can do with only {@code threshold-api} and this module (and the
 * engine it builds on) on the class path: make permutation-group data, tokenize it and score
 * answers. The README shows the same code.
 */
class ThirdPartyUseTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.google.inject.Guice", "ai.djl.ndarray.NDArray", "picocli.CommandLine"})
    void neitherGuiceNorDjlNorTheCliIsOnTheClassPath(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theProviderIsFoundByServiceLoaderBesideListOps() {
        List<String> names = new ArrayList<>();
        for (TaskProvider<?> p : ServiceLoader.load(TaskProvider.class)) {
            names.add(p.name());
        }
        assertThat(names).contains("permutation-group", "listops");
    }

    @Test
    void generateTokenizeAndScorePermutationData() {
        PermutationConfig config = PermutationConfig.of("OP", "OP_TOP", "OP_BOTTOM").withSizes(2_000, 200, 100);
        Task task = new PermutationProvider().create(config, new TaskContext(7));

        Vocabulary vocabulary = task.vocabulary();
        Example example = task.components().get(0).data().example(0, 0);
        String text = vocabulary.render(example.tokens());
        assertThat(text).startsWith("s(").endsWith("e");
        assertThat(vocabulary.parse(text)).isEqualTo(example.tokens());

        EvalItem item = task.evalSets().get(0).items().get(0);
        Map<String, Double> right = task.scorer().score(item, item.expected());
        assertThat(right).containsEntry("accuracy", 1.0).containsEntry("exact_match", 1.0);
        int[] wrong = {vocabulary.id("="), vocabulary.id("e")};
        assertThat(task.scorer().score(item, wrong)).containsEntry("exact_match", 0.0);
    }
}
