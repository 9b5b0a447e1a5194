package org.threshold.trainer.curriculum;

import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.testkit.CurriculumProviderContract;

/** The paper's section 3.1 curriculum: its stages move as the contract's accuracies rise. */
class StagedCurriculumContractTest extends CurriculumProviderContract<StagedCurriculumProvider.Config> {

    @Override
    protected CurriculumProvider<StagedCurriculumProvider.Config> provider() {
        return new StagedCurriculumProvider();
    }

    @Override
    protected String config() {
        return """
                stages:
                  - curriculum: {type: constant, weights: [MAX, MED]}
                    until: {accuracy: [MAX, MED], at_least: 0.2}
                  - name: hand-over
                    curriculum: {type: linear, from: [MAX, MED], to: [SUM], span: 1000}
                    until: {step: 10000}
                  - curriculum: {type: constant, weights: [MAX, MED, SUM]}
                """;
    }
}
