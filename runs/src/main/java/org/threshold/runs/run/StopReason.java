package org.threshold.runs.run;

import java.util.Arrays;

/** Why a run ended; result.json's {@code stop_reason} (documented in docs/RUNS.md). */
public enum StopReason {

    /** It trained every planned step. */
    STEPS("steps", true),
    /** The appendix's early-stopping rule fired (SPEC section 6). */
    EARLY_STOPPING("early_stopping", true),
    /** An evaluation in the last curriculum stage reached the config's {@code training.stop_at}. */
    TARGET("target", true),
    /** The training loss became NaN or infinite; the run failed. */
    NON_FINITE_LOSS("non_finite_loss", false);

    private final String word;
    private final boolean finished;

    StopReason(String word, boolean finished) {
        this.word = word;
        this.finished = finished;
    }

    /** The word in result.json. */
    public String word() {
        return word;
    }

    /** Whether the run finished (rather than failed). */
    public boolean finished() {
        return finished;
    }

    public static StopReason of(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stop reason '" + word + "'"));
    }
}
