package org.threshold.api.sweep;

import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.plugin.PluginKind;

/**
 * A way to run a sweep's grid points, chosen by {@code sweep.executor.type} (default
 * {@code local}): the plugin point for cluster schedulers. Discovered like the other plugins
 * (ServiceLoader, {@code META-INF/services/org.threshold.api.sweep.SweepExecutorProvider}).
 *
 * <p>Every executor ends up running {@code threshold run SWEEP_FILE --index I} for each point it
 * is given ({@link SweepJob#command()}): that command finds the point's run directory, skips a
 * finished run, resumes an unfinished one and refuses to train a point another process holds, so
 * an executor only decides where and when the points run. A Slurm executor, for example, writes
 * a job-array script whose task {@code $SLURM_ARRAY_TASK_ID} runs that command, and submits it
 * (docs/SWEEPS.md).
 *
 * @param <C> the executor's config record, bound from the {@code sweep.executor} section
 */
public interface SweepExecutorProvider<C> extends Plugin {

    /** The plugin kind, for discovery and listings ({@code threshold plugins} shows "executor"). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    PluginKind<SweepExecutorProvider<?>> KIND = new PluginKind<>("executor", (Class) SweepExecutorProvider.class);

    /**
     * Binds the {@code sweep.executor} section (its {@code type} is already read). Problems go to
     * the section, as for every plugin.
     */
    C config(ConfigSection section);

    /** The executor for a bound config. */
    SweepExecutor create(C config);
}
