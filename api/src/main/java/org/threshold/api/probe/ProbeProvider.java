package org.threshold.api.probe;

import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;

/**
 * Creates a probe from its typed config. Discovered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.threshold.api.probe.ProbeProvider}), also from plugin jars.
 *
 * @param <C> the probe's config record
 */
public interface ProbeProvider<C> extends Plugin {

    /** Binds the probe's section (without {@code type}); problems go to the section. */
    C config(ConfigSection section);

    Probe create(C config);
}
