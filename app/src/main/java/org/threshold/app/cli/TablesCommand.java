package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.analysis.plot.OperationTableFigure;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.task.TaskProvider;
import org.threshold.listops.ListOpsConfig;
import org.threshold.listops.ListOpsTask;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.permutation.PermutationConfig;
import org.threshold.permutation.PermutationTask;
import org.threshold.permutation.operators.PermutationFamily;
import org.threshold.permutation.table.GroupElements;
import org.threshold.permutation.table.OperationTable;
import org.threshold.runs.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threshold tables CONFIG}: the operation table of each operator of a nested-expression
 * task, as CSV and as a PNG heat map (the joint-training paper's appendix B, figures 26–28), so
 * that a researcher can check the operators by eye before training. Works for the task types
 * {@code permutation-group} (plus {@code elements.csv}: every element's permutation) and
 * {@code listops}. Only the task section is read; the data is not generated.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Writes the operation table of each operator of the task as CSV and PNG.",
                "Row a, column b holds the operator applied to the operands (a, b), as element indices; the PNG colours "
                        + "each cell by its value (a group's table is a Latin square) and writes its token while the "
                        + "cells are large enough. For permutation-group, elements.csv lists every element's permutation. "
                        + "Works for the task types permutation-group and listops; only the task section is read "
                        + "('threshold validate' checks the rest)."})
final class TablesCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;
    private final Provider<Map<String, TaskProvider<?>>> tasks;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    TablesCommand(ThresholdCommand threshold, Provider<Map<String, TaskProvider<?>>> tasks) {
        this.threshold = threshold;
        this.tasks = tasks;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run file (YAML), see docs/CONFIG.md.")
    private Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Directory to write into (default: tables/NAME, NAME being the run's name).")
    private Path output;

    @Option(names = "--all", description = "Every operator of the task's family, not only those the config mixes.")
    private boolean all;

    /** The operators to tabulate, the notation they act in, and what the task adds. */
    private record Family(String algebra, Notation notation, List<String> operators, Optional<String> elementsCsv) {
    }

    @Override
    public Integer call() {
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        ConfigDocument document = ConfigDocument.read(config);
        ConfigSection root = document.root();
        String name = root.text("name", stem(config));
        ConfigSection task = root.section("task");
        // Only the task matters here; the other sections are accepted as written.
        root.keys().forEach(root::node);
        Map<String, TaskProvider<?>> tasks = this.tasks.get();
        Optional<TaskProvider<?>> provider = PluginType.select(task, PluginKind.TASK, tasks, Optional.empty());
        Optional<Object> bound = provider.map(p -> p.config(task));
        document.check();
        Family family = family(provider.orElseThrow().name(), bound.orElseThrow());

        Path directory = output != null ? output : Path.of("tables", name);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Files.createDirectories(directory);
            for (String operatorName : family.operators()) {
                Operator operator = family.notation().operator(operatorName).orElseThrow();
                OperationTable table = OperationTable.of(operator, family.notation().algebra());
                Path csv = directory.resolve(operatorName + ".csv");
                Path png = directory.resolve(operatorName + ".png");
                AtomicFile.writeText(csv, table.csv());
                new OperationTableFigure(operatorName + " (" + operator.symbol() + ") on " + family.algebra(), table.values(),
                        table.tokens()).writePng(png);
                out.printf("%-10s %d×%d, %d distinct values, %s  %s  %s%n", operatorName, table.size(), table.size(),
                        table.distinctValues(), table.isLatinSquare() ? "a Latin square" : "not a Latin square", csv, png);
            }
            if (family.elementsCsv().isPresent()) {
                Path elements = directory.resolve("elements.csv");
                AtomicFile.writeText(elements, family.elementsCsv().get());
                out.println("elements   index, token and permutation of every element  " + elements);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tables into " + directory, e);
        }
        return ExitCode.OK;
    }

    private Family family(String type, Object bound) {
        if (bound instanceof PermutationConfig p) {
            PermutationFamily family = PermutationTask.family(p);
            List<String> names = all ? PermutationFamily.NAMES : List.copyOf(p.expressions().operators().keySet());
            return new Family(family.group().name() + " (blocks " + p.blocks() + ")", family.notation(), names,
                    Optional.of(GroupElements.csv(family)));
        }
        if (bound instanceof ListOpsConfig l) {
            Notation notation = ListOpsTask.family(l).notation();
            List<String> names = all ? notation.operators().stream().map(Operator::name).toList()
                    : List.copyOf(l.expressions().operators().keySet());
            return new Family("mod " + l.modulus(), notation, names, Optional.empty());
        }
        throw new BadInputException(config + ": the task type '" + type + "' has no operation tables; threshold tables "
                + "shows those of the nested-expression tasks permutation-group and listops");
    }

    /** "permutation-all" for examples/permutation-all.yaml. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
