package org.threshold.api.curriculum;

import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;

/**
 * What a curriculum is created with besides its own config: the task's components, and a way to
 * build the curricula nested inside it (the stages of a staged curriculum hold any curriculum).
 */
public interface CurriculumContext {

    /** The task's component names, in order. */
    List<String> components();

    /** The task's own weights of its components: what the constant mixture uses by default. */
    Map<String, Double> defaultWeights();

    /**
     * Builds a nested curriculum from a config section that has a {@code type} key, by the same
     * rules as the top-level {@code curriculum:} section (unknown type: names the available ones).
     */
    Curriculum create(ConfigSection section);
}
