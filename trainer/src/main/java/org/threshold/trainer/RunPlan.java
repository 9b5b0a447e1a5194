package org.threshold.trainer;

import java.util.List;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.model.Model;
import org.threshold.api.probe.Probe;
import org.threshold.api.task.Task;

/**
 * Everything one run needs, built from a validated run file: the plugins created from their
 * configs, the training and runtime settings, and the resolved config that the run directory
 * keeps. The app builds it (it knows the plugins); the trainer runs it.
 *
 * @param name a label for humans (not part of the identity)
 * @param seed data seed
 * @param initSeed weights and batch order
 * @param metric the headline metric name (result.json's test_accuracy)
 * @param task the generated task
 * @param model the model, not yet initialized
 * @param curriculum the mixture schedule over the task's components
 * @param training SPEC section 6 settings
 * @param runtime where and how the run executes
 * @param probes probes to run on the finished run
 * @param resolvedYaml the resolved config (defaults filled in) as YAML: the run's config.yaml
 * @param identity short hash of the science keys and the schema version: the run directory's name
 */
public record RunPlan(String name, long seed, long initSeed, String metric, Task task, Model model,
                      Curriculum curriculum, TrainingConfig training, RuntimeConfig runtime, List<Probe> probes,
                      String resolvedYaml, String identity) {

    public RunPlan {
        probes = List.copyOf(probes);
    }
}
