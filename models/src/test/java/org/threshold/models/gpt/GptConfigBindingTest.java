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
        assertThat(b.resolved()).contains("variant: standard", "d: 32", "layers: 2", "heads: 1", "dropout: 0", "head_dim: 32",
                "positions: learned", "tie_embeddings: false", "bias: true", "mlp_ratio: 4", "norm: layer");
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
                d: 0
                layer: 3
                """);
        assertThat(b.problems()).hasSize(3);
        assertThat(String.join("\n", b.problems())).contains("variant", "standard", "recurrent", "d", "layer", "layers");
    }

    @Test
    void everySpec5bOptionBinds() {
        Bound b = bind("""
                d: 3
                layers: 2
                heads: 2
                head_dim: 2
                positions: rotary
                tie_embeddings: true
                bias: false
                mlp_ratio: 2
                mlp_layers: [1]
                norm: rms
                """);
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(new GptConfig(Variant.STANDARD, 3, 2, 2, 2, 0, Positions.ROTARY, true, false, 2,
                List.of(1), Norm.RMS));
        assertThat(bind(b.resolved()).config()).isEqualTo(b.config());
        assertThat(bind("positions: sinusoidal\nnorm: none").config())
                .isEqualTo(GptConfig.standard(32, 2).withPositions(Positions.SINUSOIDAL).withNorm(Norm.NONE));
        assertThat(bind("mlp_ratio: 0").config().mlpLayers()).isEmpty();
        assertThat(bind("layers: 3").config().mlpLayers()).containsExactly(0, 1, 2);
    }

    @Test
    void aHeadSizeFreesTheHeadsFromDividingD() {
        Bound b = bind("""
                d: 5
                heads: 2
                head_dim: 3
                """);
        assertThat(b.problems()).isEmpty();
        assertThat(b.config().attentionWidth()).isEqualTo(6);
    }

    @Test
    void badSpec5bValuesAreProblemsNamingTheirKeys() {
        Bound b = bind("""
                layers: 2
                head_dim: 0
                positions: absolute
                tie_embeddings: yes
                bias: 1
                mlp_ratio: -1
                mlp_layers: [0, 2]
                norm: batch
                """);
        assertThat(b.problems()).hasSize(7);
        assertThat(b.problems().get(0)).contains("run.yaml:2", "head_dim", "expected an integer");
        assertThat(b.problems().get(1)).contains("run.yaml:3", "positions", "learned, sinusoidal, rotary, none", "'absolute'");
        assertThat(b.problems().get(2)).contains("run.yaml:4", "tie_embeddings", "true or false");
        assertThat(b.problems().get(3)).contains("run.yaml:5", "bias", "true or false");
        assertThat(b.problems().get(4)).contains("run.yaml:6", "mlp_ratio");
        assertThat(b.problems().get(5)).contains("run.yaml:7", "mlp_layers", "from 0 to 1");
        assertThat(b.problems().get(6)).contains("run.yaml:8", "norm", "layer, rms, none", "'batch'");
    }

    @Test
    void contradictoryMlpLayersAndRotaryOnOneDimensionalHeadsAreProblemsAtTheirKeys() {
        assertThat(bind("mlp_ratio: 0\nmlp_layers: [0]").problems()).singleElement().asString()
                .contains("run.yaml:2", "mlp_layers", "mlp_ratio 0 removes every MLP");
        assertThat(bind("mlp_layers: [1, 1]").problems()).singleElement().asString()
                .contains("run.yaml:1", "mlp_layers", "each block index once");
        assertThat(bind("d: 4\nheads: 4\npositions: rotary").problems()).singleElement().asString()
                .contains("run.yaml:3", "positions", "at least 2", "head_dim 1");
    }

    @Test
    void optionsAtTheirDefaultsStayOutOfTheIdentityAndOthersEnterIt() {
        String before = identityText("d: 8");
        assertThat(identityText("""
                d: 8
                head_dim: 8
                positions: learned
                tie_embeddings: false
                bias: true
                mlp_ratio: 4
                mlp_layers: [0, 1]
                norm: layer
                """)).isEqualTo(before).doesNotContain("positions", "head_dim", "mlp_layers");
        for (String option : List.of("head_dim: 4", "positions: rotary", "tie_embeddings: true", "bias: false", "mlp_ratio: 2",
                "mlp_layers: [1]", "norm: rms")) {
            assertThat(identityText("d: 8\n" + option)).as(option).isNotEqualTo(before).contains(option.split(":")[0]);
        }
    }

    /** What of the section enters a run's identity, as YAML. */
    private static String identityText(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        new GptProvider().config(doc.root());
        doc.finish();
        assertThat(doc.problems()).isEmpty();
        return org.threshold.api.config.YamlWriter.write(doc.resolvedForIdentity());
    }
}
