package org.threshold.analysis.probe;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.model.Model;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.Task;

/** A run known only by its labels and result figures, for the tests of group selection. */
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
        throw new UnsupportedOperationException("group selection reads labels and results only");
    }

    @Override
    public Model model(NDManager manager) {
        throw new UnsupportedOperationException("group selection reads labels and results only");
    }

    @Override
    public List<Long> checkpointSteps() {
        return List.of();
    }

    @Override
    public Model modelAt(NDManager manager, long step) {
        throw new UnsupportedOperationException("group selection reads labels and results only");
    }
}
