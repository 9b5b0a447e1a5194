package org.threshold.api.model;

import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;

/**
 * Creates a model from its typed config and the task's shape. Discovered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.threshold.api.model.ModelProvider}).
 *
 * @param <C> the model's config record
 */
public interface ModelProvider<C> extends Plugin {

    /** Binds the {@code model:} section (without {@code type}); problems go to the section. */
    C config(ConfigSection section);

    Model create(C config, ModelShape shape);

    /** The parameter count the model would have, without building it (for planning sweeps). */
    long parameterCount(C config, ModelShape shape);

    /**
     * {@link Model#uniqueParameterCount()} without building the model; the default is
     * {@link #parameterCount(Object, ModelShape)}, as the model's own default.
     */
    default long uniqueParameterCount(C config, ModelShape shape) {
        return parameterCount(config, shape);
    }
}
