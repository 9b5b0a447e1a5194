package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;

/** The model: section as a user writes it (without its type key, which the platform reads). */
class GptConfigBindingTest {

    private record Bound(GptConfig config, List<String> problems, String resolved) {
    }

    private static Bound bind(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        GptConfig config = new GptProvider().config(doc.root());
        doc.finish();
        return new Bound(config, doc.problems().stream().map(ConfigProblem::toString).toList(), doc.resolvedYaml());
    }

    @Test
    void anEmptySectionIsAStandardSingleHeadModelWithoutDropout() {
        Bound b = bind("{}");
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(new GptConfig(Variant.STANDARD, 32, 2, 1, 0));
        assertThat(b.resolved()).contains("variant: standard", "d: 32", "layers: 2", "heads: 1", "dropout: 0");
        assertThat(bind(b.resolved()).config()).isEqualTo(b.config());
    }

    @Test
    void everyKeyBinds() {
        Bound b = bind("""
                variant: recurrent
                d: 48
                layers: 4
                heads: 3
                dropout: 0.1
                """);
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(new GptConfig(Variant.RECURRENT, 48, 4, 3, 0.1));
    }

    @Test
    void aHeadCountThatDoesNotDivideTheWidthIsAProblemAtItsKey() {
        Bound b = bind("""
                d: 32
                heads: 3
                """);
        assertThat(b.problems()).singleElement().asString()
                .contains("run.yaml:2", "heads", "expected a divisor of d=32, found 3");
    }

    @Test
    void unknownVariantsTooSmallWidthsAndTyposAreReported() {
        Bound b = bind("""
                variant: looped
                d: 2
                layer: 3
                """);
        assertThat(b.problems()).hasSize(3);
        assertThat(String.join("\n", b.problems())).contains("variant", "standard", "recurrent", "d", "layer", "layers");
    }
}
