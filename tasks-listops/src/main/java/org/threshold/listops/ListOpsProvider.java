package org.threshold.listops;

import java.util.List;
import java.util.Optional;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.OperationTables;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.family.FamilyTables;

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

    /** Each operator's table mod n; SSUM's is the configured sum table's. */
    @Override
    public Optional<OperationTables> operationTables(ListOpsConfig config, boolean everyOperator) {
        Notation notation = ListOpsTask.family(config).notation();
        List<String> operators = everyOperator ? FamilyTables.every(notation) : List.copyOf(config.expressions().operators().keySet());
        return Optional.of(FamilyTables.of("mod " + config.modulus(), notation, operators, Optional.empty()));
    }
}
