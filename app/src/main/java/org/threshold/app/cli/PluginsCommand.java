package org.threshold.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.threshold.api.plugin.LoadedPlugin;
import org.threshold.api.plugin.PluginProblem;
import org.threshold.api.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code threshold plugins}: every plugin found, then those that failed to load. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists the plugins found and those that failed to load.",
                "Each plugin with its kind, name, description and origin (class path or plugin jar); then each plugin "
                        + "that failed to load, one line on stderr with its jar and cause (exit code 2)."})
final class PluginsCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    PluginsCommand(ThresholdCommand threshold) {
        this.threshold = threshold;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Plugins plugins = threshold.plugins();
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "NAME", "DESCRIPTION", "ORIGIN"});
        for (LoadedPlugin<?> p : plugins.all()) {
            rows.add(new String[] {p.kind().name(), p.name(), p.description(), p.origin().toString()});
        }
        if (rows.size() == 1) {
            out.println("No plugins found.");
        } else {
            printTable(out, rows);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (PluginProblem problem : plugins.problems()) {
            err.println("plugin not loaded: " + problem);
        }
        return plugins.problems().isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
