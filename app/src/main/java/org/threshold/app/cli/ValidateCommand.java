package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.app.runfile.Preflight;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threshold validate CONFIG}: everything a run does before training, and a summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a run file without training.",
                "Binds every section, creates the task (generating its data), the model and the curriculum, makes the "
                        + "checks 'threshold run' makes before it starts (a GPU for device: gpu, memory, runtime.output; "
                        + "docs/CONFIG.md) and prints a summary with the run's identity. Every problem of the file is reported "
                        + "at once, one line each: file:line:column: path: what was expected, what was found."})
final class ValidateCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;
    private final Preflight preflight;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    ValidateCommand(ThresholdCommand threshold, Provider<RunPlanner> planner, Preflight preflight) {
        this.threshold = threshold;
        this.planner = planner;
        this.preflight = preflight;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run file (YAML), see docs/CONFIG.md.")
    private Path config;

    @Override
    public Integer call() {
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        ConfigDocument document = ConfigDocument.read(config);
        RunPlan plan = planner.get().plan(document);
        List<ConfigProblem> problems = new ArrayList<>(preflight.device(plan, document.tree()));
        problems.addAll(preflight.memory(plan, document.tree()));
        preflight.output(Path.of(plan.runtime().output()), document.tree(), "runtime.output").ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingConfig t = plan.training();
        out.println(config + " is valid.");
        out.println("  task        " + plan.task().describe());
        out.println("              vocabulary " + plan.task().vocabulary().size() + " tokens, context "
                + plan.task().contextLength() + ", components " + String.join(", ",
                plan.task().components().stream().map(c -> c.name()).toList()));
        out.println("  model       " + plan.model().summary());
        long unique = plan.model().uniqueParameterCount();
        out.println("  parameters  " + String.format("%,d", plan.model().parameterCount())
                + (unique == plan.model().parameterCount() ? "" : String.format(", %,d unique (SPEC section 9)", unique)));
        out.println("  curriculum  " + plan.curriculum().stage().name() + " " + plan.curriculum().weights(0));
        out.println("  training    " + (t.epochs().isPresent() ? t.epochs().getAsDouble() + " epochs" : t.steps() + " steps")
                + ", batch " + t.batch() + ", lr " + t.learningRate() + " (" + t.schedule() + ")"
                + t.stopAt().map(target -> ", or until " + target.metric() + " >= " + target.value() + " (stop_at)").orElse(""));
        out.println("  metric      " + plan.metric());
        out.println("  run         " + plan.name() + ", identity " + plan.identity() + " (" + plan.runtime().output() + "/"
                + plan.identity() + ")");
        return ExitCode.OK;
    }
}
