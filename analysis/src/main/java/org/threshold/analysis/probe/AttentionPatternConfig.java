package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;

/**
 * {@code {type: attention-pattern, group: {...}, max_runs: 4, eval_set: "", example: 0, sequence: equation}}.
 *
 * @param group which runs to draw (default: every run); the best {@code maxRuns} by its metric
 * @param maxRuns at most this many runs get a picture
 * @param sequences where the example comes from (its {@code prompts} key is not used)
 * @param example the example's position in the test set, from 0
 */
public record AttentionPatternConfig(RunFilter group, int maxRuns, TestSequences sequences, int example) {

    static AttentionPatternConfig bind(ConfigSection s) {
        RunFilter group = s.has("group") ? RunFilter.bind(s.section("group"), 0) : RunFilter.all("all runs");
        int maxRuns = s.integer("max_runs", 4, 1, 1000);
        String evalSet = s.text("eval_set", "");
        boolean equation = s.choice("sequence", "equation", TestSequences.KINDS).equals("equation");
        int example = s.integer("example", 0, 0, 1_000_000);
        return new AttentionPatternConfig(group, maxRuns, new TestSequences(evalSet, example + 1, equation), example);
    }
}
