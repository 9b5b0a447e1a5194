package org.threshold.models.gpt;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.model.ModelShape;

/**
 * {@code model: {type: gpt, variant: standard|recurrent, d: 32, layers: 2, heads: 1, dropout: 0}}.
 */
public final class GptProvider implements ModelProvider<GptConfig> {

    @Override
    public String name() {
        return "gpt";
    }

    @Override
    public String description() {
        return "nanoGPT-style causal decoder (SPEC section 5): standard or recurrent, any width and head count";
    }

    @Override
    public GptConfig config(ConfigSection section) {
        return GptConfig.bind(section);
    }

    @Override
    public Model create(GptConfig config, ModelShape shape) {
        return new Gpt(config, shape);
    }

    @Override
    public long parameterCount(GptConfig config, ModelShape shape) {
        return ParameterLayout.count(config, shape);
    }

    /** The layout's count, as {@link Gpt#uniqueParameterCount()} says why. */
    @Override
    public long uniqueParameterCount(GptConfig config, ModelShape shape) {
        return ParameterLayout.count(config, shape);
    }
}
