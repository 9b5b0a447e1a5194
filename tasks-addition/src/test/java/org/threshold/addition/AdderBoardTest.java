package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AdderBoard's 10,010 cases, generated in Java, against the list python3 builds as verify.py does. */
class AdderBoardTest {

    @Test
    void theCasesEqualThoseOfPythonsRandom2025InVerifyPysOrder() {
        assertThat(AdderBoard.cases()).hasSize(10_010).isEqualTo(Fixtures.pairs("adderboard-2025.txt"));
    }

    @Test
    void theTenEdgeCasesComeFirstInSpecSection9sOrder() {
        List<Operands> first = AdderBoard.cases().subList(0, 10);
        assertThat(first).containsExactly(
                new Operands(0, 0),
                new Operands(0, 1),
                new Operands(9_999_999_999L, 0),
                new Operands(9_999_999_999L, 1),
                new Operands(9_999_999_999L, 9_999_999_999L),
                new Operands(5_000_000_000L, 5_000_000_000L),
                new Operands(1_111_111_111L, 8_888_888_889L),
                new Operands(1_234_567_890L, 9_876_543_210L),
                new Operands(9_999_999_999L, 9_999_999_999L),
                new Operands(1, 9_999_999_999L));
    }

    @Test
    void theRandomCasesStartWithPythonsFirstDraws() {
        // python3: r = random.Random(2025); (r.randint(0, 9_999_999_999), r.randint(0, 9_999_999_999))
        assertThat(AdderBoard.cases().get(10)).isEqualTo(new Operands(2_395_527_356L, 9_334_186_774L));
        assertThat(AdderBoard.cases().get(11)).isEqualTo(new Operands(4_296_888_873L, 8_475_224_721L));
    }

    @Test
    void everyCaseHasTenDigitOperandsAtMost() {
        assertThat(AdderBoard.cases()).allSatisfy(p -> {
            assertThat(p.a()).isBetween(0L, 9_999_999_999L);
            assertThat(p.b()).isBetween(0L, 9_999_999_999L);
        });
    }

    @Test
    void aModelQualifiesAt99PercentOfAllCases() {
        assertThat(AdderBoard.QUALIFYING_ACCURACY).isEqualTo(0.99);
        assertThat(Math.ceil(AdderBoard.QUALIFYING_ACCURACY * AdderBoard.cases().size())).isEqualTo(9_910);
    }
}
