package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

class TranslationTaskProviderTest {

    @Test
    void theProviderIsFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(TaskProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.name().equals("translation"))
                .singleElement()
                .satisfies(p -> assertThat(p.description()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void createsTheTaskFromItsConfigAndTheDataSeed() {
        TranslationTaskProvider provider = new TranslationTaskProvider();
        Task task = provider.create(TranslationConfig.defaults(), new TaskContext(7));
        assertThat(task.contextLength()).isEqualTo(22);
        assertThat(((TranslationTask) task).block("A->C"))
                .containsExactly(new TranslationTask(TranslationConfig.defaults(), 7).block("A->C"));
    }
}
