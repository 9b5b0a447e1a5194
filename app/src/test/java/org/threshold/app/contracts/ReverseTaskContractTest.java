package org.threshold.app.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.Plugins;
import org.threshold.api.task.TaskProvider;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.app.fixtures.TestPlugins;
import org.threshold.testkit.TaskProviderContract;

/** The testkit's task contract, run against the reverse plugin loaded from its jar as a user's would be. */
class ReverseTaskContractTest extends TaskProviderContract<Object> {

    private final Plugins plugins;

    ReverseTaskContractTest() throws Exception {
        plugins = TestPlugins.discover(PluginJars.pluginsDirectory(Files.createTempDirectory("reverse-contract"), "reverse.jar"));
    }

    @AfterAll
    void close() throws Exception {
        plugins.close();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected TaskProvider<Object> provider() {
        // The config record's class lives in the jar, so the test sees it as Object.
        return (TaskProvider<Object>) plugins.providers(PluginKind.TASK).get("reverse");
    }

    @Override
    protected String config() {
        return "symbols: 5\nmin_length: 2\nmax_length: 4\ntrain_size: 50\ntest_size: 10\n";
    }
}
