package org.threshold.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.plugin.Plugins;
import org.threshold.api.task.TaskProvider;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.app.fixtures.TestPlugins;

class PluginModuleTest {

    @TempDir
    Path dir;

    @Test
    void discoveredProvidersAreInjectedByName() throws Exception {
        try (Plugins plugins = TestPlugins.discover(PluginJars.pluginsDirectory(dir, "reverse.jar"))) {
            Injector injector = Guice.createInjector(new PluginModule(plugins));
            Map<String, TaskProvider<?>> tasks = injector.getInstance(Key.get(new TypeLiteral<Map<String, TaskProvider<?>>>() { }));
            assertThat(tasks.get("reverse").getClass().getName()).isEqualTo("org.example.reverse.ReverseTaskProvider");
            assertThat(tasks.get("reverse").getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            Map<String, CurriculumProvider<?>> curricula =
                    injector.getInstance(Key.get(new TypeLiteral<Map<String, CurriculumProvider<?>>>() { }));
            assertThat(curricula).containsKey("constant");
            Map<String, ModelProvider<?>> models = injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelProvider<?>>>() { }));
            assertThat(models).containsKey("bigram");
            assertThat(injector.getInstance(Plugins.class)).isSameAs(plugins);
        }
    }
}
