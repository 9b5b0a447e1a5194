package org.threshold.trainer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigPathTest {

    @Test
    void keysAreJoinedByDotsAndListPositionsAreInBrackets() {
        assertThat(ConfigPath.parse("curriculum.stages[1].until").segments()).containsExactly(
                new ConfigPath.Key("curriculum"), new ConfigPath.Key("stages"), new ConfigPath.Position(1), new ConfigPath.Key("until"));
        assertThat(ConfigPath.parse("task.edges.A->C").segments()).containsExactly(
                new ConfigPath.Key("task"), new ConfigPath.Key("edges"), new ConfigPath.Key("A->C"));
    }

    @Test
    void aKeyWithADotIsQuoted() {
        ConfigPath path = ConfigPath.parse("task.weights.\"a.b\"");
        assertThat(path.segments()).containsExactly(new ConfigPath.Key("task"), new ConfigPath.Key("weights"), new ConfigPath.Key("a.b"));
        assertThat(path).hasToString("task.weights.\"a.b\"");
        assertThat(ConfigPath.parse(path.toString())).isEqualTo(path);
    }

    @Test
    void malformedPathsSayWhatIsWrong() {
        assertThatThrownBy(() -> ConfigPath.parse("model..d")).hasMessageContaining("expected a key at position 7");
        assertThatThrownBy(() -> ConfigPath.parse("model.")).hasMessageContaining("after the last dot");
        assertThatThrownBy(() -> ConfigPath.parse("stages[x]")).hasMessageContaining("list position like [0]");
        assertThatThrownBy(() -> ConfigPath.parse("[0].a")).hasMessageContaining("expected a key at position 1");
        assertThatThrownBy(() -> ConfigPath.parse("a.\"b")).hasMessageContaining("closing \"");
        assertThatThrownBy(() -> ConfigPath.parse("a[0]b")).hasMessageContaining("expected a dot or [");
    }

    @Test
    void aPathLiesUnderItsPrefixes() {
        ConfigPath d = ConfigPath.parse("model.d");
        assertThat(d.startsWith(ConfigPath.parse("model"))).isTrue();
        assertThat(d.startsWith(d)).isTrue();
        assertThat(ConfigPath.parse("model").startsWith(d)).isFalse();
        assertThat(ConfigPath.parse("modelx.d").startsWith(ConfigPath.parse("model"))).isFalse();
        assertThat(d.top()).isEqualTo("model");
        assertThat(new ConfigPath(List.of(new ConfigPath.Key("seed")))).hasToString("seed");
    }
}
