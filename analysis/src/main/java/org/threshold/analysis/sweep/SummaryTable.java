package org.threshold.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.runs.Table;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.SweepIndex;

/**
 * summary.csv: one row per grid point, for pandas or R. The first three columns are fixed
 * (DESIGN.md): {@code mixture,parameters,test_accuracy}; then {@code unique_parameters} (SPEC
 * section 9's count), the grid keys, the fitted metric
 * when it is not the headline, {@code status,steps,stop_reason,wall_s,index,run_id}. Numbers are
 * written in full precision; a value a run does not have is an empty cell.
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * @param fittedColumn the fitted metric's name when it differs from the runs' headline; its column follows the grid keys
     */
    public static Table of(SweepIndex index, List<SweepRun> runs, Optional<String> fittedColumn) {
        List<String> columns = new ArrayList<>(List.of("mixture", "parameters", "test_accuracy", "unique_parameters"));
        columns.addAll(index.gridKeys());
        fittedColumn.ifPresent(columns::add);
        columns.addAll(List.of("status", "steps", "stop_reason", "wall_s", "index", "run_id"));
        Table.Builder table = Table.withColumns(columns);
        for (SweepRun run : runs) {
            Optional<RunResult> result = run.result();
            List<String> row = new ArrayList<>();
            row.add(run.point().mixture());
            row.add(Long.toString(run.parameters()));
            row.add(result.filter(r -> r.testAccuracy().isPresent()).map(r -> Double.toString(r.testAccuracy().getAsDouble())).orElse(""));
            row.add(Long.toString(run.uniqueParameters()));
            index.gridKeys().forEach(k -> row.add(run.point().coordinate(k).orElse("")));
            fittedColumn.ifPresent(c -> row.add(run.fitted().isPresent() ? Double.toString(run.fitted().getAsDouble()) : ""));
            row.add(run.status().word());
            row.add(result.map(r -> Long.toString(r.steps())).orElse(""));
            row.add(result.map(r -> r.stopReason().word()).orElse(""));
            row.add(result.map(r -> Double.toString(r.wallSeconds())).orElse(""));
            row.add(Integer.toString(run.point().index()));
            row.add(run.point().identity());
            table.row(row);
        }
        return table.build();
    }
}
