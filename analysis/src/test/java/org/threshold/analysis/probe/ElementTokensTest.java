package org.threshold.analysis.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Vocabulary;

class ElementTokensTest {

    private static Vocabulary vocabulary(List<String> elements) {
        List<String> tokens = new ArrayList<>(List.of("<pad>", "s", "e", "(", ")", "=", ">", "+", "%"));
        tokens.addAll(elements);
        return new Vocabulary(tokens, "<pad>", "");
    }

    private static List<String> tokens(int n, java.util.function.IntFunction<String> token) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(token.apply(k));
        }
        return out;
    }

    @Test
    void digitsLettersAndBracketedTokensAreTheElementsInOrder() {
        Vocabulary digits = vocabulary(tokens(7, Integer::toString));
        assertThat(ElementTokens.of(digits, List.of())).containsExactly(9, 10, 11, 12, 13, 14, 15);
        assertThat(ElementTokens.detect(vocabulary(tokens(20, k -> String.valueOf((char) ('A' + k)))))).hasSize(20)
                .startsWith("A", "B").endsWith("T");
        List<String> both = tokens(10, Integer::toString);
        both.addAll(tokens(26, k -> String.valueOf((char) ('A' + k))));
        assertThat(ElementTokens.detect(vocabulary(both))).hasSize(36).containsSequence("9", "A");
        assertThat(ElementTokens.detect(vocabulary(tokens(50, k -> "<" + k + ">")))).hasSize(50).endsWith("<49>");
    }

    @Test
    void givenElementsAreUsedAndAMissingOneIsNamed() {
        Vocabulary digits = vocabulary(tokens(4, Integer::toString));
        assertThat(ElementTokens.of(digits, List.of("3", "2"))).containsExactly(12, 11);
        assertThatThrownBy(() -> ElementTokens.of(digits, List.of("3", "Q"))).hasMessageStartingWith("elements: 'Q' is not a token");
        Vocabulary words = new Vocabulary(List.of("<pad>", "a0", "b0"), "<pad>", " ");
        assertThatThrownBy(() -> ElementTokens.of(words, List.of())).hasMessageContaining("list them in element order in the "
                + "probe's elements key");
    }
}
