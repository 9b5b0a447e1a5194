package org.threshold.executor.slurm;

import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.sweep.SweepExecutorProvider;

/** Binds an {@code executor:} section as a sweep file's is bound: its type chosen among the executors, then its keys. */
final class Configs {

    private Configs() {
    }

    /**
     * @param yaml a file whose top level has an {@code executor:} mapping
     * @throws org.threshold.api.config.ConfigException with every problem, as threshold sweep reports them
     */
    static SlurmExecutorConfig bind(String yaml) {
        ConfigDocument document = ConfigDocument.parse(yaml, "sweep.yaml");
        ConfigSection section = document.root().section("executor");
        Map<String, SweepExecutorProvider<?>> executors = Map.of("slurm", new SlurmExecutorProvider());
        Optional<SlurmExecutorConfig> config = PluginType.select(section, SweepExecutorProvider.KIND, executors, Optional.of("local"))
                .map(p -> ((SlurmExecutorProvider) p).config(section));
        document.check();
        return config.orElseThrow();
    }
}
