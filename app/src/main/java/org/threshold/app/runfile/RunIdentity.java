package org.threshold.app.runfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.Mark;
import org.threshold.api.config.YamlWriter;

/**
 * A run's identity: the first 12 hex digits of the SHA-256 of the resolved keys that change the
 * science (seeds, metric, task, model, training, curriculum) and a schema version, written as
 * canonical YAML. Two files that resolve to the same science get the same run directory; a label
 * ({@code name}), the probes, the runtime (threads, device, output) and a sweep section do not
 * count (DESIGN.md, run directories).
 */
public final class RunIdentity {

    /** Bumped when the meaning of a resolved key changes, so old run directories are not reused. */
    public static final int SCHEMA_VERSION = 1;

    /** The top-level keys whose resolved values enter the identity. */
    public static final Set<String> SCIENCE_KEYS = Set.of("seed", "init_seed", "metric", "task", "model", "training",
            "curriculum");

    private static final int HEX_DIGITS = 12;

    private RunIdentity() {
    }

    /** The canonical text that is hashed: the schema version, then the science keys in resolved order. */
    public static String canonical(ConfigNode.Mapping resolved) {
        Mark here = Mark.unknown("identity");
        List<ConfigNode.Entry> entries = new ArrayList<>();
        entries.add(new ConfigNode.Entry("schema", here, new ConfigNode.Scalar(Integer.toString(SCHEMA_VERSION), true, here)));
        resolved.entries().stream().filter(e -> SCIENCE_KEYS.contains(e.key())).forEach(entries::add);
        return YamlWriter.write(new ConfigNode.Mapping(entries, here));
    }

    public static String of(ConfigNode.Mapping resolved) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(resolved).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
