package org.threshold.trainer;

import java.util.OptionalLong;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;

/**
 * What {@link Trainer#run} gives back.
 *
 * @param directory the run directory
 * @param result its result.json
 * @param trainedNow false when the run had ended before and nothing was trained this time
 * @param resumedFrom the checkpoint step this session continued from, if it did
 */
public record RunOutcome(RunDirectory directory, RunResult result, boolean trainedNow, OptionalLong resumedFrom) {
}
