package org.example.probe;

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
 * A third party's probe, built against threshold-api alone: {@code {type: run-list, label: mixture}}
 * writes one CSV line per run with a label and its test accuracy.
 */
public final class RunListProbeProvider implements ProbeProvider<RunListProbeProvider.Config> {

    /** @param label the run label to list, e.g. mixture */
    public record Config(String label) {
    }

    @Override
    public String name() {
        return "run-list";
    }

    @Override
    public String description() {
        return "One CSV line per run with a label and its test accuracy: a probe built by the plugin tests";
    }

    @Override
    public Config config(ConfigSection section) {
        return new Config(section.text("label", "mixture"));
    }

    @Override
    public Probe create(Config config) {
        return input -> {
            List<String> lines = new ArrayList<>(List.of("run," + config.label() + ",test_accuracy"));
            for (TrainedRun run : input.runs()) {
                lines.add(run.id() + "," + run.labels().getOrDefault(config.label(), "") + ","
                        + run.result().getOrDefault("test_accuracy", Double.NaN));
            }
            Files.createDirectories(input.outputDirectory());
            Path file = input.outputDirectory().resolve("run-list.csv");
            Files.write(file, lines);
            return new ProbeReport(name(), Map.of("runs", (double) input.runs().size()), List.of(file), List.of());
        };
    }
}
