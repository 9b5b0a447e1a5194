package org.threshold.listops.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlgebraTest {

    @Test
    void upToTenElementsAreDigits() {
        assertThat(Algebra.ofSize(10).tokens()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(Algebra.ofSize(2).tokens()).containsExactly("0", "1");
    }

    @Test
    void upToTwentySixElementsAreLettersWithAForZero() {
        assertThat(Algebra.ofSize(26).token(0)).isEqualTo("A");
        assertThat(Algebra.ofSize(26).token(25)).isEqualTo("Z");
        assertThat(Algebra.ofSize(20).tokens()).hasSize(20).startsWith("A", "B").endsWith("T");
    }

    @Test
    void upToThirtySixElementsAreDigitsThenLetters() {
        Algebra a = Algebra.ofSize(36);
        assertThat(a.token(9)).isEqualTo("9");
        assertThat(a.token(10)).isEqualTo("A");
        assertThat(a.token(35)).isEqualTo("Z");
        assertThat(Algebra.ofSize(27).token(26)).isEqualTo("Q");
    }

    @Test
    void largerAlgebrasHaveOneOpaqueTokenPerElement() {
        Algebra a = Algebra.ofSize(226);
        assertThat(a.token(0)).isEqualTo("<0>");
        assertThat(a.token(17)).isEqualTo("<17>");
        assertThat(a.token(225)).isEqualTo("<225>");
        assertThat(a.tokens()).doesNotHaveDuplicates();
    }

    @Test
    void everyElementNeedsItsOwnToken() {
        assertThatThrownBy(() -> Algebra.withTokens(List.of("a", "b", "a"))).hasMessageContaining("share the token 'a'");
        assertThatThrownBy(() -> Algebra.withTokens(List.of("a", ""))).hasMessageContaining("element 1 has no token");
        assertThatThrownBy(() -> Algebra.ofSize(0)).hasMessageContaining("at least one element");
        assertThatThrownBy(() -> Algebra.ofSize(10).token(10)).hasMessageContaining("outside 0..9");
    }
}
