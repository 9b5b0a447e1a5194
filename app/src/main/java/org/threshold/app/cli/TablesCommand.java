package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.threshold.analysis.plot.OperationTableFigure;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.task.OperationTable;
import org.threshold.api.task.OperationTables;
import org.threshold.api.task.TaskProvider;
import org.threshold.runs.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threshold tables CONFIG}: the operation table of each operator of a task, as CSV and as a
 * PNG heat map (the joint-training paper's appendix B, figures 26–28), so that a researcher can
 * check the operators by eye before training. The tables come through the task SPI's optional
 * capability ({@link TaskProvider#operationTables}): the built-in {@code permutation-group} (plus
 * {@code elements.csv}: every element's permutation) and {@code listops} have them, and so does a
 * plugin's algebra that offers them. Only the task section is read; the data is not generated.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Writes the operation table of each operator of the task as CSV and PNG.",
                "Row a, column b holds the operator applied to the operands (a, b), as element indices; the PNG colours "
                        + "each cell by its value (a group's table is a Latin square) and writes its token while the "
                        + "cells are large enough. For permutation-group, elements.csv lists every element's permutation. "
                        + "Works for every task that offers operation tables (built in: permutation-group and listops; a "
                        + "plugin's own algebra too); only the task section is read "
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
        Optional<Supplier<Optional<OperationTables>>> bound = provider.map(p -> bind(p, task, all));
        document.check();
        String type = provider.orElseThrow().name();
        OperationTables tables = bound.orElseThrow().get().orElseThrow(() -> new BadInputException(config + ": the task type '"
                + type + "' has no operation tables; threshold tables shows those of the tasks that offer them "
                + "(built in: permutation-group and listops)"));

        Path directory = output != null ? output : Path.of("tables", name);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Files.createDirectories(directory);
            for (OperationTable table : tables.tables()) {
                Path csv = directory.resolve(table.operator() + ".csv");
                Path png = directory.resolve(table.operator() + ".png");
                AtomicFile.writeText(csv, table.csv());
                new OperationTableFigure(table.operator() + " (" + table.symbol() + ") on " + tables.algebra(), table.cells(),
                        table.labels()).writePng(png);
                out.printf("%-10s %d×%d, %d distinct values, %s  %s  %s%n", table.operator(), table.size(), table.size(),
                        table.distinctValues(), table.isLatinSquare() ? "a Latin square" : "not a Latin square", csv, png);
            }
            if (tables.elements().isPresent()) {
                Path elements = directory.resolve("elements.csv");
                AtomicFile.writeText(elements, tables.elements().get().csv());
                out.printf("%-10s %s  %s%n", "elements", tables.elements().get().description(), elements);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tables into " + directory, e);
        }
        return ExitCode.OK;
    }

    /**
     * Binds the task section now (its problems join the file's) and asks for the tables only after
     * the file has been checked, so that a config with problems draws nothing.
     */
    private static <C> Supplier<Optional<OperationTables>> bind(TaskProvider<C> provider, ConfigSection task, boolean all) {
        C bound = provider.config(task);
        return () -> provider.operationTables(bound, all);
    }

    /** "permutation-all" for examples/permutation-all.yaml. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
