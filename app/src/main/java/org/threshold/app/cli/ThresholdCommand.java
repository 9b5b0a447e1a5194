package org.threshold.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.api.plugin.PluginDiscovery;
import org.threshold.api.plugin.PluginProblem;
import org.threshold.api.plugin.Plugins;
import org.threshold.app.plugins.PluginModule;
import org.threshold.app.runfile.Machine;
import org.threshold.app.runfile.ThisMachine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code threshold} command. Subcommands are separate classes listed here, made by Guice
 * ({@link CommandFactory}) with their dependencies in their constructors; plugins are discovered
 * on first use, with the global {@code --plugins} option (or {@code THRESHOLD_PLUGINS}) this
 * command holds.
 */
@Command(name = "threshold",
        mixinStandardHelpOptions = true,
        versionProvider = ThresholdVersion.class,
        description = "Trains tiny transformers on algorithmic tasks to find how many parameters a task needs, "
                + "and how joint training and curricula move that number.",
        subcommands = {PluginsCommand.class, ValidateCommand.class, SampleCommand.class, RunCommand.class, EvalCommand.class,
                ExportCommand.class, SweepCommand.class, AnalyzeCommand.class, ProbeCommand.class, TablesCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal failure (run again with --debug for the stack trace)",
                "2:bad input: a config, file, option or plugin to fix (one line per problem on stderr)"},
        footer = {"", "Plugins: jars in the --plugins directory (or $THRESHOLD_PLUGINS) are loaded beside the built-in ones."})
public final class ThresholdCommand implements Callable<Integer>, AutoCloseable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Directory of plugin jars (default: $" + PluginDiscovery.ENVIRONMENT_VARIABLE + ").")
    private Path pluginsDirectory;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of internal failures.")
    private boolean debug;

    private final Map<String, String> environment;
    private final Machine machine;
    private Plugins plugins;

    public ThresholdCommand(Map<String, String> environment) {
        this(environment, new ThisMachine());
    }

    /** @param machine what the checks before a run starts see of the machine (tests give a fixed one) */
    public ThresholdCommand(Map<String, String> environment, Machine machine) {
        this.environment = Map.copyOf(environment);
        this.machine = machine;
    }

    /** The command line for this command, printing to {@code out} and {@code err}, with Threshold's exit codes. */
    public static CommandLine commandLine(ThresholdCommand threshold, PrintWriter out, PrintWriter err) {
        CommandLine command = new CommandLine(threshold, new CommandFactory(threshold));
        command.setOut(out);
        command.setErr(err);
        command.setExecutionExceptionHandler(new Failures(threshold));
        command.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCode.BAD_INPUT : ExitCode.INTERNAL_FAILURE);
        return command;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    boolean debug() {
        return debug;
    }

    Machine machine() {
        return machine;
    }

    /** The --plugins option as given, for commands that start threshold again (a sweep's points). */
    Optional<Path> pluginsOption() {
        return Optional.ofNullable(pluginsDirectory);
    }

    /** The plugins found on the class path and in the plugins directory (discovered once). */
    Plugins plugins() {
        if (plugins == null) {
            Optional<Path> directory = PluginDiscovery.pluginsDirectory(Optional.ofNullable(pluginsDirectory), environment);
            try {
                plugins = PluginDiscovery.discover(PluginModule.KINDS, directory, ThresholdCommand.class.getClassLoader());
            } catch (IllegalArgumentException e) {
                String from = pluginsDirectory != null ? "--plugins" : PluginDiscovery.ENVIRONMENT_VARIABLE;
                throw new BadInputException(e.getMessage() + " (given by " + from + ")");
            }
        }
        return plugins;
    }

    /**
     * For commands that use plugins rather than list them: plugins that failed to load are named
     * on stderr, since a config may be asking for one of them.
     */
    void warnAboutPluginProblems(PrintWriter err) {
        for (PluginProblem problem : plugins().problems()) {
            err.println("warning: plugin not loaded: " + problem);
        }
    }

    @Override
    public void close() {
        if (plugins != null) {
            try {
                plugins.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
