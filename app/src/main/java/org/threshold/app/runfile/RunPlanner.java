package org.threshold.app.runfile;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.DidYouMean;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.model.ModelShape;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.RuntimeConfig;
import org.threshold.trainer.TrainingConfig;
import org.threshold.trainer.stopping.Target;

/**
 * Turns a run file (docs/CONFIG.md) into a {@link RunPlan}: binds every section, creates the task,
 * the model and the curriculum, and reports every problem of the file in one
 * {@link ConfigException}.
 *
 * <p>Order: all sections are bound first (each plugin section through the provider its
 * {@code type} names); then the task is created with the data seed, the model for the task's
 * vocabulary and context, and the curriculum for the task's components (curricula are bound at
 * that point, since their keys name components). What depends on a part that has problems is not
 * created, so one mistake is not reported again as the failures it causes.
 */
public final class RunPlanner {

    private final Map<String, TaskProvider<?>> tasks;
    private final Map<String, ModelProvider<?>> models;
    private final Map<String, CurriculumProvider<?>> curricula;
    private final Map<String, ProbeProvider<?>> probes;
    private final Machine machine;

    @Inject
    public RunPlanner(Map<String, TaskProvider<?>> tasks, Map<String, ModelProvider<?>> models,
                      Map<String, CurriculumProvider<?>> curricula, Map<String, ProbeProvider<?>> probes, Machine machine) {
        this.tasks = new TreeMap<>(tasks);
        this.models = new TreeMap<>(models);
        this.curricula = new TreeMap<>(curricula);
        this.probes = new TreeMap<>(probes);
        this.machine = machine;
    }

    /** A planner on this machine. */
    public RunPlanner(Map<String, TaskProvider<?>> tasks, Map<String, ModelProvider<?>> models,
                      Map<String, CurriculumProvider<?>> curricula, Map<String, ProbeProvider<?>> probes) {
        this(tasks, models, curricula, probes, new ThisMachine());
    }

    /**
     * @throws ConfigException with every problem of the file
     */
    public RunPlan plan(ConfigDocument document) {
        ConfigSection root = document.root();
        String name = root.text("name", defaultName(document.origin()));
        long seed = root.longInteger("seed", 1, 0, Long.MAX_VALUE);
        long initSeed = root.longInteger("init_seed", seed, 0, Long.MAX_VALUE);
        Optional<String> metric = root.optionalText("metric");

        ConfigSection taskSection = root.section("task");
        Optional<Function<TaskContext, Task>> task = PluginType.select(taskSection, PluginKind.TASK, tasks, Optional.empty())
                .map(p -> boundTask(p, taskSection));
        ConfigSection modelSection = root.section("model");
        Optional<Function<ModelShape, Model>> model = PluginType.select(modelSection, PluginKind.MODEL, models, Optional.empty())
                .map(p -> boundModel(p, modelSection));
        // asked for here, so that the resolved file keeps its order; bound once the task says its default loss
        ConfigSection trainingSection = root.section("training");
        ConfigSection curriculumSection = root.section("curriculum");
        List<BoundProbe> probeConfigs = new ArrayList<>();
        for (ConfigSection probe : root.sections("probes")) {
            PluginType.select(probe, PluginKind.PROBE, probes, Optional.empty()).ifPresent(p -> probeConfigs.add(boundProbe(p, probe)));
        }
        RuntimeConfig runtime = RuntimeConfig.bind(root.section("runtime"));
        // Expanded by sweeps; a run file may carry one (threshold run SWEEP --index I reads it).
        root.node("sweep");

        Optional<Task> createdTask = task.filter(t -> taskSection.problems().isEmpty())
                .flatMap(t -> create(document, taskSection, "task", () -> t.apply(new TaskContext(seed, machine.heapBytes()))));
        TrainingConfig training = TrainingConfig.bind(trainingSection,
                createdTask.map(Task::completionLossByDefault).orElse(false) ? "completion" : "all");
        String headline = "";
        Optional<Model> createdModel = Optional.empty();
        Optional<Curriculum> createdCurriculum = Optional.empty();
        if (createdTask.isPresent()) {
            Task t = createdTask.get();
            headline = checkedMetric(root, metric, t);
            training.stopAt().ifPresent(target -> checkTarget(trainingSection, target, t));
            if (model.isPresent() && modelSection.problems().isEmpty()) {
                createdModel = create(document, modelSection, "model",
                        () -> model.get().apply(new ModelShape(t.vocabulary().size(), t.contextLength())));
            }
            createdCurriculum = Optional.of(new TaskCurricula(t, curricula, document).create(curriculumSection));
        } else {
            // Without a task the curriculum cannot be bound (its keys name the task's components):
            // check its type, accept the rest as written.
            PluginType.select(curriculumSection, PluginKind.CURRICULUM, curricula, Optional.of(TaskCurricula.DEFAULT_TYPE));
            curriculumSection.keys().forEach(curriculumSection::node);
        }
        List<Probe> createdProbes = new ArrayList<>();
        for (BoundProbe probe : probeConfigs) {
            create(document, probe.section(), probe.section().path(), probe.creation()).ifPresent(createdProbes::add);
        }

        document.check();
        return new RunPlan(name, seed, initSeed, headline, createdTask.orElseThrow(), createdModel.orElseThrow(),
                createdCurriculum.orElseThrow(), training, runtime, createdProbes, document.resolvedYaml(),
                RunIdentity.of(document.resolvedForIdentity()));
    }

    /**
     * A fresh, uninitialized model of a run file's {@code model:} section for a task made before,
     * e.g. to load a run's checkpoint into (probes): only that section is bound.
     *
     * @throws ConfigException with the section's problems
     */
    public Model model(ConfigDocument document, Task task) {
        ConfigSection section = document.root().section("model");
        Optional<Function<ModelShape, Model>> model = PluginType.select(section, PluginKind.MODEL, models, Optional.empty())
                .map(p -> boundModel(p, section));
        if (model.isEmpty() || !section.problems().isEmpty()) {
            throw new ConfigException(section.problems());
        }
        return model.get().apply(new ModelShape(task.vocabulary().size(), task.contextLength()));
    }

    /** The task's headline metric unless the file names another of its metrics. */
    private static String checkedMetric(ConfigSection root, Optional<String> given, Task task) {
        List<String> names = new ArrayList<>();
        for (EvalSet set : task.evalSets()) {
            task.scorer().metrics().forEach(m -> names.add(set.metricName(m)));
        }
        String metric = root.text("metric", task.headlineMetric());
        if (given.isPresent() && !names.contains(metric)) {
            root.problem("metric", "expected one of the task's metrics " + String.join(", ", names) + ", found '" + metric
                    + "'" + DidYouMean.hint(metric, names));
        }
        return metric;
    }

    /** {@code training.stop_at.metric} names a metric every evaluation of the task reports. */
    private static void checkTarget(ConfigSection training, TrainingConfig.StopAt target, Task task) {
        List<String> every = new ArrayList<>();
        List<String> finalOnly = new ArrayList<>();
        for (EvalSet set : task.evalSets()) {
            task.scorer().metrics().forEach(m -> (set.finalOnly() ? finalOnly : every).add(set.metricName(m)));
        }
        String problem = Target.problem(target.metric(), every, finalOnly);
        if (!problem.isEmpty()) {
            // a target's section is bound only when given, so it is there
            training.optionalSection("stop_at").orElseThrow().problem("metric",
                    problem + (finalOnly.contains(target.metric()) ? "" : DidYouMean.hint(target.metric(), every)));
        }
    }

    /**
     * Runs a plugin's create(); a config it refuses (ConfigException, or IllegalArgumentException
     * from a precondition) becomes problems of the document.
     */
    private static <T> Optional<T> create(ConfigDocument document, ConfigSection section, String what,
                                          Supplier<T> creation) {
        try {
            return Optional.of(creation.get());
        } catch (ConfigException e) {
            e.problems().forEach(document::report);
        } catch (IllegalArgumentException e) {
            document.report(new ConfigProblem(section.mark(), section.path(), "cannot create the " + what + ": " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** "quickstart" for examples/quickstart.yaml. */
    static String defaultName(String origin) {
        String file = origin.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    // A provider binds its section now and creates later; binding inside a generic method keeps
    // the config's type (the provider's type parameter) captured until creation.

    private static <C> Function<TaskContext, Task> boundTask(TaskProvider<C> provider, ConfigSection section) {
        C config = provider.config(section);
        return context -> provider.create(config, context);
    }

    private static <C> Function<ModelShape, Model> boundModel(ModelProvider<C> provider, ConfigSection section) {
        C config = provider.config(section);
        return shape -> provider.create(config, shape);
    }

    private static <C> BoundProbe boundProbe(ProbeProvider<C> provider, ConfigSection section) {
        C config = provider.config(section);
        return new BoundProbe(section, () -> provider.create(config));
    }

    private record BoundProbe(ConfigSection section, Supplier<Probe> creation) {
    }
}
