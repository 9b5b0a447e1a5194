package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageFamilyTest {

    @Test
    void everyMappingIsABijection() {
        LanguageFamily family = new LanguageFamily(List.of("A", "B", "C", "D"), 12, 7);
        for (Language x : family.languages()) {
            for (Language y : family.languages()) {
                int[] image = family.mapping(x.name(), y.name()).image();
                assertThat(image).as("%s->%s", x.name(), y.name()).hasSize(12);
                assertThat(image).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            }
        }
    }

    @Test
    void mappingsCompose() {
        for (long seed = 0; seed < 20; seed++) {
            LanguageFamily family = new LanguageFamily(List.of("A", "B", "C", "D"), 8, seed);
            Mapping ab = family.mapping("A", "B");
            Mapping bc = family.mapping("B", "C");
            assertThat(family.mapping("A", "C")).isEqualTo(ab.andThen(bc));
            assertThat(family.mapping("D", "C")).isEqualTo(family.mapping("D", "B").andThen(bc));
            assertThat(ab.andThen(family.mapping("B", "A")).image()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void translationMapsTokenByToken() {
        LanguageFamily family = new LanguageFamily(List.of("A", "C"), 8, 3);
        Mapping ac = family.mapping("A", "C");
        assertThat(ac.translate(new int[] {3, 1, 7, 0})).containsExactly(ac.apply(3), ac.apply(1), ac.apply(7), ac.apply(0));
    }

    @Test
    void mappingsAreRandomInTheSeedAndStableUnderAddingALanguage() {
        LanguageFamily one = new LanguageFamily(List.of("A", "B", "C"), 8, 1);
        LanguageFamily again = new LanguageFamily(List.of("A", "B", "C"), 8, 1);
        LanguageFamily more = new LanguageFamily(List.of("A", "B", "C", "D"), 8, 1);
        LanguageFamily other = new LanguageFamily(List.of("A", "B", "C"), 8, 2);
        assertThat(again.mapping("A", "B")).isEqualTo(one.mapping("A", "B"));
        assertThat(more.mapping("A", "C")).isEqualTo(one.mapping("A", "C"));
        assertThat(other.mapping("A", "B")).isNotEqualTo(one.mapping("A", "B"));
    }

    @Test
    void namesThatWouldGiveTheSameTokensAreRejected() {
        assertThatThrownBy(() -> new LanguageFamily(List.of("A", "a"), 8, 1)).hasMessageContaining("given twice");
        assertThatThrownBy(() -> new LanguageFamily(List.of("A1"), 8, 1)).hasMessageContaining("letters only");
    }
}
