package org.threshold.permutation;

import java.util.List;
import java.util.Optional;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.OperationTables;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.listops.family.FamilyTables;
import org.threshold.permutation.operators.PermutationFamily;
import org.threshold.permutation.table.GroupElements;

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

    /** OP, OP_TOP and OP_BOTTOM on the group (appendix B, figures 26–28), with the element list (figure 25) as their key. */
    @Override
    public Optional<OperationTables> operationTables(PermutationConfig config, boolean everyOperator) {
        PermutationFamily family = PermutationTask.family(config);
        List<String> operators = everyOperator ? PermutationFamily.NAMES : List.copyOf(config.expressions().operators().keySet());
        OperationTables.ElementList elements = new OperationTables.ElementList("index, token and permutation of every element",
                GroupElements.csv(family));
        return Optional.of(FamilyTables.of(family.group().name() + " (blocks " + config.blocks() + ")", family.notation(), operators,
                Optional.of(elements)));
    }
}
