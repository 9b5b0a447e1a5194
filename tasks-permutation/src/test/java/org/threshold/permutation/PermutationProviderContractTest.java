package org.threshold.permutation;

import org.junit.jupiter.api.Nested;
import org.threshold.api.task.TaskProvider;
import org.threshold.testkit.TaskProviderContract;

/** The testkit's task contract for {@code permutation-group}, on the configurations that differ most. */
class PermutationProviderContractTest {

    private abstract static class PermutationContract extends TaskProviderContract<PermutationConfig> {
        @Override
        protected TaskProvider<PermutationConfig> provider() {
            return new PermutationProvider();
        }
    }

    @Nested
    class PapersGroupAllThreeOperators extends PermutationContract {
        @Override
        protected String config() {
            return "operators: [OP, OP_TOP, OP_BOTTOM]\ntrain_size: 3000\ntest_size: 300\neval_size: 100";
        }
    }

    @Nested
    class PerExpressionWithoutChainOnThreeBlocks extends PermutationContract {
        @Override
        protected String config() {
            return "blocks: [2, 3, 2]\noperators: {OP: 2, OP_BOTTOM: 1}\nmixing: per-expression\ncot: false\n"
                    + "train_size: 1500\ntest_size: 200\neval_size: 100";
        }
    }

    @Nested
    class CyclicGroupOfTwelve extends PermutationContract {
        @Override
        protected String config() {
            return "blocks: [12]\nsubgroup: cyclic\noperators: [OP]\ntrain_size: 1500\ntest_size: 200\neval_size: 100";
        }
    }

    @Nested
    class TripletsOnThePapersGroup extends PermutationContract {
        @Override
        protected String config() {
            return "mode: triplets\ntriplet_dataset: sum-900\ntest_operator: OP_TOP\neval_size: 100";
        }
    }

    @Nested
    class SymmetricGroupOfFivePointsWithOpaqueTokens extends PermutationContract {
        @Override
        protected String config() {
            return "blocks: [5]\noperators: [OP, OP_TOP]\ncontext: 192\ntrain_size: 1500\ntest_size: 200\neval_size: 100";
        }
    }
}
