package org.threshold.api.probe;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.model.Model;
import org.threshold.api.task.Task;

/** A finished (or checkpointed) run as a probe sees it. */
public interface TrainedRun {

    /** The run's short id (its directory name). */
    String id();

    Path directory();

    /**
     * What distinguishes the run within its sweep, as text: the grid keys ({@code model.d: 32},
     * {@code seed: 2}) and {@code mixture} (the task's component mixture, e.g. MAX+MED+SUM).
     */
    Map<String, String> labels();

    /** The final figures of result.json that are numbers (test_accuracy, parameters, accuracy.SUM, ...). */
    Map<String, Double> result();

    /** Every evaluation of metrics.jsonl, in step order. */
    List<Evaluation> history();

    /** The run's task, regenerated from its resolved config. */
    Task task();

    /** The model with its final weights, its arrays on {@code manager}. */
    Model model(NDManager manager);

    /** Steps that have a saved checkpoint, ascending. */
    List<Long> checkpointSteps();

    /** The model with the weights of the checkpoint at {@code step}, one of {@link #checkpointSteps()}. */
    Model modelAt(NDManager manager, long step);
}
