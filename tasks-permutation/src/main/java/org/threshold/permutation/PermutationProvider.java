package org.threshold.permutation;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** The {@code permutation-group} task plugin. */
public final class PermutationProvider implements TaskProvider<PermutationConfig> {

    @Override
    public String name() {
        return "permutation-group";
    }

    @Override
    public String description() {
        return "Permutation groups: nested OP/OP_TOP/OP_BOTTOM products of block-diagonal permutation matrices "
                + "(S3×S3 by default) with chain of thought and held-out-triplet split";
    }

    @Override
    public PermutationConfig config(ConfigSection section) {
        return PermutationConfig.bind(section);
    }

    @Override
    public Task create(PermutationConfig config, TaskContext context) {
        return PermutationTask.create(config, context);
    }
}
