package org.threshold.trainer.sweep.local;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.sweep.SweepExecutor;
import org.threshold.api.sweep.SweepExecutorProvider;

/** {@code executor: {type: local}}: the grid points run as processes on this machine. */
public final class LocalExecutorProvider implements SweepExecutorProvider<LocalExecutorConfig> {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "Runs the grid points on this machine, each in its own JVM, N at once with T libtorch threads each";
    }

    @Override
    public LocalExecutorConfig config(ConfigSection section) {
        return LocalExecutorConfig.bind(section);
    }

    @Override
    public SweepExecutor create(LocalExecutorConfig config) {
        return new LocalExecutor(config, Runtime.getRuntime().availableProcessors());
    }
}
