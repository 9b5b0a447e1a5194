package org.threshold.analysis.probe;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.model.Model;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.Task;

/**
 * A run known only by its labels and result figures, for the tests of group selection: reading its
 * task or model fails the test, since choosing runs must not load them.
 */
record FakeRun(String id, Map<String, String> labels, Map<String, Double> result) implements TrainedRun {

    static FakeRun of(String id, String mixture, double accuracy) {
        return new FakeRun(id, Map.of("mixture", mixture, "seed", id.substring(id.length() - 1)), Map.of("test_accuracy", accuracy));
    }

    @Override
    public Path directory() {
        return Path.of(id);
    }

    @Override
    public List<Evaluation> history() {
        return List.of();
    }

    @Override
    public Task task() {
        throw new AssertionError("group selection must choose runs by labels and results alone, without the task or model");
    }

    @Override
    public Model model(NDManager manager) {
        throw new AssertionError("group selection must choose runs by labels and results alone, without the task or model");
    }

    @Override
    public List<Long> checkpointSteps() {
        return List.of();
    }

    @Override
    public Model modelAt(NDManager manager, long step) {
        throw new AssertionError("group selection must choose runs by labels and results alone, without the task or model");
    }
}
