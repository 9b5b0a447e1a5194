package org.threshold.trainer.curriculum;

import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.testkit.CurriculumProviderContract;

class ConstantCurriculumContractTest extends CurriculumProviderContract<ConstantCurriculumProvider.Config> {

    @Override
    protected CurriculumProvider<ConstantCurriculumProvider.Config> provider() {
        return new ConstantCurriculumProvider();
    }

    @Override
    protected String config() {
        return "weights: {MAX: 2, SUM: 1}";
    }
}
