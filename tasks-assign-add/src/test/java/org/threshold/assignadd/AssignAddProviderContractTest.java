package org.threshold.assignadd;

import org.threshold.api.task.TaskProvider;
import org.threshold.testkit.TaskProviderContract;

/** The contract every task provider passes, for {@code assign-add} with letters for elements and four variables. */
class AssignAddProviderContractTest extends TaskProviderContract<AssignAddConfig> {

    @Override
    protected TaskProvider<AssignAddConfig> provider() {
        return new AssignAddProvider();
    }

    @Override
    protected String config() {
        return """
                modulus: 12
                variables: 4
                bindings: [2, 4]
                train_size: 1500
                eval_size: 120
                """;
    }
}
