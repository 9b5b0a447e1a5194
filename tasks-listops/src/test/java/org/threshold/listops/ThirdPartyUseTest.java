package org.threshold.listops;

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
import org.threshold.api.task.Example;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.api.task.Vocabulary;

/**
 * What a researcher's own code can do with only {@code threshold-api} and this module on the class
 * path (this module's test class path holds api, testkit, JUnit and AssertJ; no Guice, no DJL, no
 * app): make ListOps data, tokenize it and score answers. The README shows the same code.
 */
class ThirdPartyUseTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.google.inject.Guice", "ai.djl.ndarray.NDArray", "ai.djl.engine.Engine", "picocli.CommandLine"})
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
        assertThat(names).contains("listops");
    }

    @Test
    void generateTokenizeAndScoreListOpsData() {
        ListOpsConfig config = ListOpsConfig.of("MAX", "MED", "SUM").withSizes(2_000, 200, 100);
        Task task = new ListOpsProvider().create(config, new TaskContext(7));

        // tokenize: text in the paper's notation <-> token ids
        Vocabulary vocabulary = task.vocabulary();
        Example example = task.components().get(0).data().example(0, 0);
        String text = vocabulary.render(example.tokens());
        assertThat(text).startsWith("s(").endsWith("e");
        assertThat(vocabulary.parse(text)).isEqualTo(example.tokens());

        // score: a "model" that copies the expected completion of MAX prompts and answers 0 elsewhere
        Scorer scorer = task.scorer();
        int zero = vocabulary.id("0");
        int end = vocabulary.id("e");
        int equals = vocabulary.id("=");
        double right = 0;
        EvalSet max = task.evalSets().get(1);
        assertThat(max.name()).isEqualTo("MAX");
        for (EvalItem item : max.items()) {
            right += scorer.score(item, item.expected()).get("accuracy");
        }
        assertThat(right / max.items().size()).isEqualTo(1.0);
        EvalSet sum = task.evalSets().get(3);
        double zeros = 0;
        long answersZero = 0;
        for (EvalItem item : sum.items()) {
            Map<String, Double> s = scorer.score(item, new int[] {equals, zero, end});
            zeros += s.get("accuracy");
            answersZero += vocabulary.render(item.expected()).endsWith("=0e") ? 1 : 0;
        }
        assertThat(zeros).isEqualTo((double) answersZero);
    }
}
