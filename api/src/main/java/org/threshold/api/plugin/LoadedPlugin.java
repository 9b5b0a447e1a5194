package org.threshold.api.plugin;

import org.threshold.api.Plugin;

/**
 * A provider found by discovery, with its name and description read once (a provider whose
 * {@code name()} throws never gets here) and where it came from.
 *
 * @param <P> the provider interface
 */
public record LoadedPlugin<P extends Plugin>(PluginKind<P> kind, String name, String description, P provider,
                                             PluginOrigin origin) {

    /** The provider's class, for messages. */
    public String className() {
        return provider.getClass().getName();
    }
}
