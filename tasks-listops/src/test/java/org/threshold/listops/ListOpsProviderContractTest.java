package org.threshold.listops;

import org.junit.jupiter.api.Nested;
import org.threshold.api.task.TaskProvider;
import org.threshold.testkit.TaskProviderContract;

/** The testkit's task contract for {@code listops}, on the configurations that differ most. */
class ListOpsProviderContractTest {

    private abstract static class ListOpsContract extends TaskProviderContract<ListOpsConfig> {
        @Override
        protected TaskProvider<ListOpsConfig> provider() {
            return new ListOpsProvider();
        }
    }

    @Nested
    class MaxMedSumModTen extends ListOpsContract {
        @Override
        protected String config() {
            return "operators: [MAX, MED, SUM]\ntrain_size: 3000\ntest_size: 300\neval_size: 100";
        }
    }

    @Nested
    class PerExpressionWithoutChainAndARandomSumTable extends ListOpsContract {
        @Override
        protected String config() {
            return "operators: {MAX: 2, MED: 1, SSUM: 1}\nmixing: per-expression\ncot: false\nssum_table: random\ntable_seed: 5\n"
                    + "train_size: 1500\ntest_size: 200\neval_size: 100";
        }
    }

    @Nested
    class Triplets2700 extends ListOpsContract {
        @Override
        protected String config() {
            return "mode: triplets\ntriplet_dataset: 2700\neval_size: 200";
        }
    }

    @Nested
    class Modulus226 extends ListOpsContract {
        @Override
        protected String config() {
            return "modulus: 226\noperators: [SUM, PROD, NADD]\ndepth: 3\ncontext: 192\ntrain_size: 2000\ntest_size: 200\neval_size: 100";
        }
    }
}
