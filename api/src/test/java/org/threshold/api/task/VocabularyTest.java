package org.threshold.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void renderAndParseRoundTripWithoutSeparator() {
        Vocabulary v = new Vocabulary(List.of("s", "e", "(", ")", "=", ">", "%", "<10>", "<1>", "1", "#"), "#", "");
        int[] ids = v.parse("s(%1<10><1>)=1e");
        assertThat(v.render(ids)).isEqualTo("s(%1<10><1>)=1e");
        assertThat(ids).containsExactly(0, 2, 6, 9, 7, 8, 3, 4, 9, 1);
    }

    @Test
    void renderAndParseRoundTripWithSeparator() {
        Vocabulary v = new Vocabulary(List.of("a0", "a1", "c0", ".", "|", "<pad>"), "<pad>", " ");
        assertThat(v.render(v.parse("a1 a0 . c0 |"))).isEqualTo("a1 a0 . c0 |");
        assertThat(v.pad()).isEqualTo(5);
    }

    @Test
    void parseNamesThePositionOfTextThatIsNoToken() {
        Vocabulary v = new Vocabulary(List.of("s", "e", "#"), "#", "");
        assertThatThrownBy(() -> v.parse("sxe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no token matches 'xe' at character 2 of 'sxe'");
    }

    @Test
    void duplicateTokensAndMissingPadAreRejected() {
        assertThatThrownBy(() -> new Vocabulary(List.of("a", "a"), "a", ""))
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> new Vocabulary(List.of("a", "b"), "#", ""))
                .hasMessageContaining("padding token '#' is not in the vocabulary");
    }
}
