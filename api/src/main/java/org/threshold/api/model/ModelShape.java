package org.threshold.api.model;

/**
 * What a model must fit, given by the task: vocabulary size (logits per position) and context
 * length (position embeddings).
 */
public record ModelShape(int vocabularySize, int contextLength) {

    public ModelShape {
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("vocabularySize must be >= 2, got " + vocabularySize);
        }
        if (contextLength < 2) {
            throw new IllegalArgumentException("contextLength must be >= 2, got " + contextLength);
        }
    }
}
