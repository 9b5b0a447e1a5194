package org.threshold.app.contracts;

import org.threshold.api.probe.ProbeProvider;
import org.threshold.app.testplugins.ResultTableProbeProvider;
import org.threshold.testkit.ProbeProviderContract;

class ResultTableProbeContractTest extends ProbeProviderContract<ResultTableProbeProvider.Config> {

    @Override
    protected ProbeProvider<ResultTableProbeProvider.Config> provider() {
        return new ResultTableProbeProvider();
    }

    @Override
    protected String config() {
        return "figure: parameters";
    }
}
