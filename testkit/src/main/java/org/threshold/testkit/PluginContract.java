package org.threshold.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigSection;

/**
 * What every provider must do, whatever its kind: a kebab-case name (the word written in YAML), a
 * one-line description (what {@code threshold plugins} prints), and a config that binds from the
 * subclass's YAML snippet without problems and resolves to YAML that binds to the same config
 * again (a run directory's config.yaml must reproduce the run).
 *
 * <p>One instance serves all of a contract's tests, so expensive objects (a generated task) are
 * built once.
 *
 * @param <C> the provider's config record
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PluginContract<C> {

    /** The provider under test. */
    protected abstract Plugin plugin();

    /**
     * The plugin's section as YAML, without {@code type}, e.g. {@code "modulus: 10\ncontext: 64"}.
     * Keep it small: the contract creates what it describes several times.
     */
    protected abstract String config();

    /** Binds a section with the provider (the kind decides how). */
    protected abstract C bind(ConfigSection section);

    /** The snippet bound, with every problem thrown. */
    protected final C boundConfig() {
        ConfigDocument doc = ConfigDocument.parse(config(), "contract.yaml");
        C config = bind(doc.root());
        doc.check();
        return config;
    }

    @Test
    void nameIsKebabCase() {
        assertThat(plugin().name()).as("the name YAML uses").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    }

    @Test
    void descriptionIsOneLine() {
        assertThat(plugin().description()).as("the description").isNotBlank().doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void configSnippetBindsWithoutProblems() {
        boundConfig();
    }

    @Test
    void resolvedConfigBindsAgainToTheSameResolvedConfig() {
        ConfigDocument first = ConfigDocument.parse(config(), "contract.yaml");
        bind(first.root());
        first.check();
        ConfigDocument again = ConfigDocument.parse(first.resolvedYaml(), "config.yaml");
        bind(again.root());
        again.check();
        assertThat(again.resolvedYaml()).as("the resolved config read back and resolved again")
                .isEqualTo(first.resolvedYaml());
    }
}
