package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.DidYouMean;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Task;
import org.threshold.api.task.Vocabulary;
import org.threshold.app.runfile.RunPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code threshold sample CONFIG [-n N] [--set NAME]}: what the model will see, in the task's own
 * text form (DESIGN.md, "Names other tools rely on"). With {@code --set}, only that eval set's first
 * N prompts, in the set's order, so that a benchmark's prompts can be piped to another tool.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Prints training examples and test prompts in the task's text form.",
                "First N training examples, one per line, taking the task's components in turn; then N headline test "
                        + "prompts, each followed by a tab and its expected completion. With --set, only the first N "
                        + "prompts of that test set, in its order, each with a tab and its expected completion. The run "
                        + "file is validated first, as by 'threshold validate'."})
final class SampleCommand implements Callable<Integer> {

    /** What {@code --set} calls the headline test set, whose name is empty. */
    static final String HEADLINE = "test";

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    SampleCommand(ThresholdCommand threshold, Provider<RunPlanner> planner) {
        this.threshold = threshold;
        this.planner = planner;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run file (YAML), see docs/CONFIG.md.")
    private Path config;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "5",
            description = "How many training examples and how many test prompts (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--set", paramLabel = "NAME",
            description = "Only this test set's prompts, e.g. adderboard; 'test' is the headline set.")
    private Optional<String> set;

    @Override
    public Integer call() {
        if (count < 1 || count > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-n must be from 1 to 100000, got " + count);
        }
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        Task task = planner.get().plan(ConfigDocument.read(config)).task();
        Vocabulary vocabulary = task.vocabulary();
        PrintWriter out = spec.commandLine().getOut();
        if (set.isPresent()) {
            printPrompts(chosen(task, set.get()).items(), vocabulary, out);
            return ExitCode.OK;
        }
        List<Component> components = task.components();
        int[] next = new int[components.size()];
        int printed = 0;
        // Components in turn, so a mixture shows each of its parts; a component that runs out is skipped.
        for (int round = 0; printed < count && round < count * components.size(); round++) {
            int c = round % components.size();
            if (next[c] < components.get(c).data().size()) {
                out.println(vocabulary.render(components.get(c).data().example(0, next[c]++).tokens()));
                printed++;
            }
        }
        printPrompts(task.evalSets().get(0).items(), vocabulary, out);
        return ExitCode.OK;
    }

    private void printPrompts(List<EvalItem> items, Vocabulary vocabulary, PrintWriter out) {
        for (int i = 0; i < Math.min(count, items.size()); i++) {
            out.println(vocabulary.render(items.get(i).prompt()) + "\t" + vocabulary.render(items.get(i).expected()));
        }
    }

    /** The set of that name; {@code test} names the headline set (whose name is empty) unless a set is called so. */
    static EvalSet chosen(Task task, String name) {
        List<String> names = new ArrayList<>();
        for (EvalSet s : task.evalSets()) {
            if (s.name().equals(name)) {
                return s;
            }
            names.add(s.name().isEmpty() ? HEADLINE : s.name());
        }
        if (name.equals(HEADLINE)) {
            return task.evalSets().get(0);
        }
        throw new BadInputException("--set " + name + ": the task has no test set of that name; its sets are "
                + String.join(", ", names) + DidYouMean.hint(name, names));
    }
}
