package org.threshold.translation;

import org.threshold.api.task.TaskProvider;
import org.threshold.testkit.TaskProviderContract;

/** The contract every task provider passes, for {@code translation} (a small triangle, so it runs fast). */
class TranslationTaskContractTest extends TaskProviderContract<TranslationConfig> {

    @Override
    protected TaskProvider<TranslationConfig> provider() {
        return new TranslationTaskProvider();
    }

    @Override
    protected String config() {
        return """
                m: 6
                edges:
                  A->B: 300
                  B->C: 300
                  A->C: 20
                test_per_edge: 30
                """;
    }
}
