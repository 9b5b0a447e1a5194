package org.threshold.api.task;

/**
 * What a task is created with besides its own config.
 *
 * @param seed the data seed: the same config and seed give the same data, on any machine
 * @param heapBytes the Java heap the task's data may take: a task whose data cannot fit refuses
 *     its config at the key that sizes the data ({@link org.threshold.api.config.ConfigException})
 *     instead of trying and failing with an OutOfMemoryError minutes later. It never changes the
 *     data, only whether it is made.
 */
public record TaskContext(long seed, long heapBytes) {

    public TaskContext {
        if (heapBytes <= 0) {
            throw new IllegalArgumentException("heapBytes must be positive, got " + heapBytes);
        }
    }

    /** A context with the heap of this JVM ({@link Runtime#maxMemory()}). */
    public TaskContext(long seed) {
        this(seed, Runtime.getRuntime().maxMemory());
    }
}
