package org.threshold.trainer.curriculum;

import java.util.Optional;
import org.threshold.api.curriculum.Curriculum;

/**
 * One stage of a {@link StagedCurriculum}: any curriculum, trained until a condition holds (the
 * last stage has none and lasts to the end of the run).
 *
 * @param name the stage's label in metrics.jsonl; empty: the nested curriculum's own stage name
 * @param curriculum what the stage trains on; it counts steps from the start of the stage
 * @param until when the stage ends; empty for the last stage
 */
public record CurriculumStage(Optional<String> name, Curriculum curriculum, Optional<Until> until) {
}
