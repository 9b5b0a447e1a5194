package org.threshold.api.task;

/**
 * What a task is created with besides its own config.
 *
 * @param seed the data seed: the same config and seed give the same data, on any machine
 */
public record TaskContext(long seed) {
}
