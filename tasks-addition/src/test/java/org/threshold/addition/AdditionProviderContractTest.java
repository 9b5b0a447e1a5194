package org.threshold.addition;

import org.threshold.api.task.TaskProvider;
import org.threshold.testkit.TaskProviderContract;

/** The contract every task provider passes, for {@code addition} with AdderBoard's set and a test set per length. */
class AdditionProviderContractTest extends TaskProviderContract<AdditionConfig> {

    @Override
    protected TaskProvider<AdditionConfig> provider() {
        return new AdditionProvider();
    }

    @Override
    protected String config() {
        return """
                eval_size: 200
                length_eval_size: 20
                """;
    }
}
