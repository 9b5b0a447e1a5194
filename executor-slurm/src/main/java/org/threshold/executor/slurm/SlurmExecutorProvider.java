package org.threshold.executor.slurm;

import java.nio.file.Path;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.sweep.SweepExecutor;
import org.threshold.api.sweep.SweepExecutorProvider;

/** {@code executor: {type: slurm, ...}}: the grid points as Slurm job arrays ({@link SlurmExecutor}). */
public final class SlurmExecutorProvider implements SweepExecutorProvider<SlurmExecutorConfig> {

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public String description() {
        return "Submits the grid points to Slurm as job arrays (one task per point, under srun), requeued on preemption; "
                + "threshold sweep follows them";
    }

    @Override
    public SlurmExecutorConfig config(ConfigSection section) {
        return SlurmExecutorConfig.bind(section);
    }

    @Override
    public SweepExecutor create(SlurmExecutorConfig config) {
        return new SlurmExecutor(config, new Slurm(System.getenv()), Path.of("").toAbsolutePath());
    }
}
