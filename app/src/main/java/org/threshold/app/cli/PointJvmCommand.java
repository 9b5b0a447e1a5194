package org.threshold.app.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.api.sweep.PointCommand;
import org.threshold.app.Threshold;

/**
 * {@code threshold run SWEEP_FILE --index I} as a JVM of its own, for the local executor: the
 * Java binary, JVM options and class path of this process (so a point runs the same code with the
 * same options, THRESHOLD_JAVA_OPTS included), offline DJL, and the libtorch threads the executor
 * gives it. The plugins directory travels as --plugins when one was given, or in the environment.
 * Every path is absolute and the index comes last (PointCommand's contract), so that a cluster
 * scheduler's job script can run the same command from elsewhere for the point its task draws.
 */
final class PointJvmCommand implements PointCommand {

    /** libtorch reads its thread counts from these properties when it loads (trainer's EngineThreads). */
    private static final String INTRA_OP = "-Dai.djl.pytorch.num_threads=";
    private static final String INTER_OP = "-Dai.djl.pytorch.num_interop_threads=";

    private final Path sweepFile;
    private final Optional<Path> pluginsDirectory;

    PointJvmCommand(Path sweepFile, Optional<Path> pluginsDirectory) {
        this.sweepFile = sweepFile;
        this.pluginsDirectory = pluginsDirectory;
    }

    @Override
    public List<String> arguments(int index, int threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's agent would fight over its port; thread settings are the executor's.
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith(INTRA_OP) && !option.startsWith(INTER_OP)
                    && !option.equals("-Dai.djl.offline=true")) {
                command.add(option);
            }
        }
        command.add("-Dai.djl.offline=true");
        command.add(INTRA_OP + threads);
        command.add(INTER_OP + 1);
        command.add("-cp");
        command.add(absolute(System.getProperty("java.class.path")));
        command.add(Threshold.class.getName());
        // absolute: a scheduler's task need not start where threshold sweep ran
        pluginsDirectory.ifPresent(d -> {
            command.add("--plugins");
            command.add(d.toAbsolutePath().toString());
        });
        command.add("run");
        command.add(sweepFile.toAbsolutePath().toString());
        command.add("--index");
        command.add(Integer.toString(index));
        return command;
    }

    /** The class path with every entry absolute. */
    private static String absolute(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .map(entry -> entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    @Override
    public String display(int index) {
        return "threshold " + pluginsDirectory.map(d -> "--plugins " + d + " ").orElse("") + "run " + sweepFile + " --index " + index;
    }
}
