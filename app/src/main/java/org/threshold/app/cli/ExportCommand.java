package org.threshold.app.cli;

import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.api.model.Model;
import org.threshold.api.model.WeightsExport;
import org.threshold.app.probe.RecordedRun;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threshold export RUN_DIR [--out FILE]}: writes the model weights of a run's newest
 * checkpoint as safetensors (SPEC 5b), under the model's tensor names (the gpt: nanoGPT's
 * state_dict), for PyTorch, numpy, or another run's {@code model.weights}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a trained run's model weights as a safetensors file.",
                "The weights of the run's newest checkpoint, float32, under nanoGPT's state_dict names for the gpt "
                        + "(transformer.wte.weight, transformer.h.0.attn.c_attn.weight, ...): what safetensors.torch and "
                        + "safetensors.numpy load, and what model.weights starts a run from. Prints the file and its tensor count."})
final class ExportCommand implements Callable<Integer> {

    /** The file written inside the run directory unless --out says otherwise. */
    static final String DEFAULT_FILE = "model.safetensors";

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    ExportCommand(ThresholdCommand threshold, Provider<RunPlanner> planner) {
        this.threshold = threshold;
        this.planner = planner;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory (runs/<identity>) with at least one checkpoint.")
    private Path target;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the weights (default: RUN_DIR/" + DEFAULT_FILE + ").")
    private Optional<Path> out;

    @Override
    public Integer call() throws IOException {
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        if (!Files.isDirectory(target)) {
            throw new BadInputException(target + " is not a run directory; threshold run makes one (docs/RUNS.md)");
        }
        RecordedRun run;
        try {
            run = new RecordedRun(new RunDirectory(target), Map.of(), planner.get());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<Long> steps = run.checkpointSteps();
        if (steps.isEmpty()) {
            throw new BadInputException(target + " has no checkpoint with model weights to export");
        }
        long step = steps.get(steps.size() - 1);
        Path file = out.orElse(target.resolve(DEFAULT_FILE));
        if (Files.isDirectory(file)) {
            throw new BadInputException("--out " + file + " is a directory; give the path of the .safetensors file to write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new BadInputException("--out " + file + ": there is no directory " + parent + " to write it in");
        }
        int tensors;
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = run.modelAt(manager, step);
            Optional<WeightsExport> export = model.weightsExport();
            if (export.isEmpty()) {
                throw new BadInputException("the model of run " + run.id() + " (" + model.summary() + ") does not name its "
                        + "tensors, so it cannot be exported as safetensors");
            }
            tensors = export.get().writeSafetensors(file);
        }
        PrintWriter printed = spec.commandLine().getOut();
        printed.println(file + ": " + tensors + " tensors, the weights of run " + run.id() + " at step " + step);
        return ExitCode.OK;
    }
}
