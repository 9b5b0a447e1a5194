package org.threshold.trainer.curriculum;

import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.testkit.CurriculumProviderContract;

class LinearCurriculumContractTest extends CurriculumProviderContract<LinearCurriculumProvider.Config> {

    @Override
    protected CurriculumProvider<LinearCurriculumProvider.Config> provider() {
        return new LinearCurriculumProvider();
    }

    @Override
    protected String config() {
        return "from: {MAX: 1, MED: 1}\nto: [SUM]\nstart: 100\nspan: 1000";
    }
}
