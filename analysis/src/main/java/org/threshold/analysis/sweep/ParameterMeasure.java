package org.threshold.analysis.sweep;

import org.threshold.api.config.Choice;
import org.threshold.runs.run.RunResult;

/**
 * {@code sweep.analysis.parameters}: which parameter count the transition is fitted against.
 * {@code all} (the default, so existing analyses stand) is result.json's {@code parameters},
 * every trainable tensor (SPEC section 5); {@code unique} is {@code unique_parameters}, SPEC
 * section 9's count (a tied matrix once, fixed encodings zero), the AdderBoard's.
 */
public enum ParameterMeasure implements Choice {

    ALL("all", "parameters"),
    UNIQUE("unique", "unique parameters");

    private final String word;
    private final String label;

    ParameterMeasure(String word, String label) {
        this.word = word;
        this.label = label;
    }

    @Override
    public String word() {
        return word;
    }

    /** What the axis and the report call it: "parameters", "unique parameters". */
    public String label() {
        return label;
    }

    /** The run's count of this kind: its result's, or the index's before it has one. */
    public long of(SweepRun run) {
        return this == UNIQUE ? run.result().map(RunResult::uniqueParameters).orElse(run.point().parameters()) : run.parameters();
    }
}
