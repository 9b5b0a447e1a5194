package org.threshold.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;

class PluginTypeTest {

    private final Map<String, Greeting> greetings = new LinkedHashMap<>();

    PluginTypeTest() {
        greetings.put("hello", new Greeting.Hello());
        greetings.put("hello-again", new Greeting.HelloAgain());
    }

    private static List<String> problems(ConfigDocument doc) {
        doc.finish();
        return doc.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void theTypeKeyPicksTheProviderAndTheOtherKeysAreTheProviders() {
        ConfigDocument doc = ConfigDocument.parse("greeting: {type: hello-again, loud: true}\n", "run.yaml");
        ConfigSection section = doc.root().section("greeting");
        Optional<Greeting> picked = PluginType.select(section, Greeting.KIND, greetings, Optional.empty());
        assertThat(picked.orElseThrow().greet("x")).isEqualTo("hello again x");
        section.flag("loud", false);
        assertThat(problems(doc)).isEmpty();
    }

    @Test
    void anUnknownTypeListsTheNamesWithDidYouMeanAndLeavesTheOtherKeysUnchecked() {
        ConfigDocument doc = ConfigDocument.parse("greeting:\n  type: helo\n  loud: true\n", "run.yaml");
        assertThat(PluginType.select(doc.root().section("greeting"), Greeting.KIND, greetings, Optional.empty())).isEmpty();
        assertThat(problems(doc)).containsExactly(
                "run.yaml:2:3: greeting.type: expected one of the greeting plugins hello, hello-again, found 'helo'"
                        + " (did you mean 'hello'?)");
    }

    @Test
    void aMissingTypeIsAProblemUnlessThereIsADefault() {
        ConfigDocument doc = ConfigDocument.parse("other: 1\n", "run.yaml");
        doc.root().integer("other", 0, 0, 9);
        assertThat(PluginType.select(doc.root().section("greeting"), Greeting.KIND, greetings, Optional.empty())).isEmpty();
        assertThat(PluginType.select(doc.root().section("fallback"), Greeting.KIND, greetings, Optional.of("hello")))
                .containsInstanceOf(Greeting.Hello.class);
        assertThat(problems(doc)).containsExactly(
                "run.yaml:1:1: greeting.type: expected one of the greeting plugins hello, hello-again, found no type");
        assertThat(doc.resolvedYaml()).contains("fallback:\n  type: hello\n");
    }

    @Test
    void aTypeThatIsNoTextIsReportedOnce() {
        ConfigDocument doc = ConfigDocument.parse("greeting: {type: [a]}\n", "run.yaml");
        assertThat(PluginType.select(doc.root().section("greeting"), Greeting.KIND, greetings, Optional.empty())).isEmpty();
        assertThat(problems(doc)).containsExactly("run.yaml:1:18: greeting.type: expected text, found a list");
    }

    @Test
    void withNoPluginsOfTheKindTheMessageSaysSo() {
        ConfigDocument doc = ConfigDocument.parse("greeting: {type: hello}\n", "run.yaml");
        PluginType.select(doc.root().section("greeting"), Greeting.KIND, Map.of(), Optional.empty());
        assertThat(problems(doc)).containsExactly("run.yaml:1:12: greeting.type: expected the name of a greeting plugin,"
                + " found 'hello'; no greeting plugin is installed (threshold plugins lists what was found)");
    }
}
