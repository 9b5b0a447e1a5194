package org.threshold.app.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.Mark;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;

/**
 * A {@code probes:} list (docs/PROBES.md) bound to probes, each with the directory name its files
 * go to: the probe's type, or {@code <type>-2}, {@code <type>-3} for a type listed again.
 */
public final class ProbeList {

    /** One probe to run, with its directory name under {@code probes/}. */
    public record Chosen(String type, String directoryName, Probe probe) {
    }

    private ProbeList() {
    }

    /**
     * Binds a {@code probes:} node (a list of {@code {type: ..., ...}}); an absent node is no probes.
     *
     * @param origin names the file in messages
     * @throws ConfigException with every problem of the list, at the file's positions
     */
    public static List<Chosen> bind(Optional<ConfigNode> probes, String origin, Map<String, ProbeProvider<?>> providers) {
        if (probes.isEmpty() || probes.get() instanceof ConfigNode.Scalar s && s.isNull()) {
            return List.of();
        }
        ConfigNode node = probes.get();
        ConfigDocument document = ConfigDocument.of(new ConfigNode.Mapping(List.of(new ConfigNode.Entry("probes", node.mark(), node)),
                node.mark()), origin);
        List<Binding> bound = new ArrayList<>();
        for (ConfigSection section : document.root().sections("probes")) {
            PluginType.select(section, PluginKind.PROBE, providers, Optional.empty())
                    .ifPresent(p -> bound.add(bind(p, section)));
        }
        document.check();
        List<Chosen> chosen = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Binding b : bound) {
            int count = seen.merge(b.type(), 1, Integer::sum);
            Probe probe;
            try {
                probe = b.creation().get();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(new org.threshold.api.config.ConfigProblem(b.mark(), b.path(),
                        "cannot create the probe: " + e.getMessage()));
            }
            chosen.add(new Chosen(b.type(), count == 1 ? b.type() : b.type() + "-" + count, probe));
        }
        return chosen;
    }

    /** The probe named {@code type} with its defaults (threshold probe --probe NAME). */
    public static Chosen defaults(String type, Map<String, ProbeProvider<?>> providers) {
        ConfigNode.Mapping section = new ConfigNode.Mapping(List.of(new ConfigNode.Entry("type", Mark.unknown("--probe"),
                new ConfigNode.Scalar(type, true, Mark.unknown("--probe")))), Mark.unknown("--probe"));
        return bind(Optional.of(new ConfigNode.Sequence(List.of(section), Mark.unknown("--probe"))), "--probe " + type, providers)
                .get(0);
    }

    private static <C> Binding bind(ProbeProvider<C> provider, ConfigSection section) {
        C config = provider.config(section);
        return new Binding(provider.name(), section.mark(), section.path(), () -> provider.create(config));
    }

    private record Binding(String type, Mark mark, String path, java.util.function.Supplier<Probe> creation) {
    }
}
