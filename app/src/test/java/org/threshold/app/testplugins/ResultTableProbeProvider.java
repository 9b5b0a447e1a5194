package org.threshold.app.testplugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;

/**
 * {@code probes: [{type: result-table, figure: test_accuracy}]}: one CSV line per run with a
 * figure of its result. On the app's test class path so run files in these tests can name a probe.
 */
public final class ResultTableProbeProvider implements ProbeProvider<ResultTableProbeProvider.Config> {

    /** @param figure the result.json figure to tabulate */
    public record Config(String figure) {
    }

    @Override
    public String name() {
        return "result-table";
    }

    @Override
    public String description() {
        return "A CSV of one result figure per run (a test probe)";
    }

    @Override
    public Config config(ConfigSection section) {
        return new Config(section.text("figure", "test_accuracy"));
    }

    @Override
    public Probe create(Config config) {
        return input -> {
            List<String> lines = new ArrayList<>(List.of("run," + config.figure()));
            double sum = 0;
            for (TrainedRun run : input.runs()) {
                double value = run.result().getOrDefault(config.figure(), Double.NaN);
                lines.add(run.id() + "," + value);
                sum += value;
            }
            Path file = input.outputDirectory().resolve("result-table.csv");
            Files.write(file, lines);
            return new ProbeReport(name(), Map.of("mean." + config.figure(), sum / Math.max(1, input.runs().size())),
                    List.of(file), List.of());
        };
    }
}
