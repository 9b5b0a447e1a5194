package org.threshold.app.contracts;

import org.threshold.api.model.ModelProvider;
import org.threshold.app.testplugins.BigramModelProvider;
import org.threshold.testkit.ModelProviderContract;

/** The testkit's model contract with a real engine (PyTorch, on the app's class path). */
class BigramModelContractTest extends ModelProviderContract<BigramModelProvider.Config> {

    @Override
    protected ModelProvider<BigramModelProvider.Config> provider() {
        return new BigramModelProvider();
    }

    @Override
    protected String config() {
        return "scale: 0.5";
    }
}
