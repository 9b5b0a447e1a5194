package org.threshold.listops;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** The {@code listops} task plugin. */
public final class ListOpsProvider implements TaskProvider<ListOpsConfig> {

    @Override
    public String name() {
        return "listops";
    }

    @Override
    public String description() {
        return "ListOps: nested MAX/MIN/MED/SUM/PROD/NADD/SSUM expressions mod n with chain of thought, "
                + "held-out-triplet split and appendix C's triplet datasets";
    }

    @Override
    public ListOpsConfig config(ConfigSection section) {
        return ListOpsConfig.bind(section);
    }

    @Override
    public Task create(ListOpsConfig config, TaskContext context) {
        return ListOpsTask.create(config, context);
    }
}
