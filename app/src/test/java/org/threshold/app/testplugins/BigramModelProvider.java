package org.threshold.app.testplugins;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.model.ModelShape;

/**
 * {@code model: {type: bigram}}: the smallest language model, a table of next-token logits per
 * token. On the app's test class path so run files in these tests have a model without the gpt
 * plugin.
 */
public final class BigramModelProvider implements ModelProvider<BigramModelProvider.Config> {

    /** @param scale standard deviation of the initial logits */
    public record Config(double scale) {
    }

    @Override
    public String name() {
        return "bigram";
    }

    @Override
    public String description() {
        return "Next-token logits from the current token alone (a test model)";
    }

    @Override
    public Config config(ConfigSection section) {
        return new Config(section.number("scale", 0.02, 0, 10));
    }

    @Override
    public Model create(Config config, ModelShape shape) {
        return new BigramModel(config.scale(), shape);
    }

    @Override
    public long parameterCount(Config config, ModelShape shape) {
        return (long) shape.vocabularySize() * shape.vocabularySize();
    }
}
