package org.threshold.listops.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.listops.arithmetic.Arithmetic;

class NotationTest {

    /** A tiny operator for notation tests: only its symbol matters here. */
    private record Named(String name, String symbol) implements Operator {
        @Override
        public int evaluate(int[] operands) {
            return operands[0];
        }
    }

    @Test
    void theModTenVocabularyHasStructureElementsEverySymbolAndPad() {
        Notation n = Arithmetic.of(10, 1).notation();
        assertThat(n.vocabulary().tokens()).containsExactly("s", "e", "(", ")", "=", ">", "0", "1", "2", "3", "4", "5", "6", "7", "8",
                "9", "+", "-", "/", "%", "*", "~", "&", "<pad>");
        assertThat(n.vocabulary().size()).isEqualTo(6 + 10 + 7 + 1);
        assertThat(n.vocabulary().token(n.vocabulary().pad())).isEqualTo("<pad>");
    }

    @Test
    void tokenIdsFollowTheLayout() {
        Notation n = Arithmetic.of(26, 1).notation();
        assertThat(n.elementToken(0)).isEqualTo(6);
        assertThat(n.vocabulary().token(n.elementToken(25))).isEqualTo("Z");
        assertThat(n.isElement(n.elementToken(25))).isTrue();
        assertThat(n.isElement(n.operatorToken(0))).isFalse();
        assertThat(n.vocabulary().token(n.operatorToken(3))).isEqualTo("%");
        assertThat(n.operatorIndex(n.operatorToken(3))).isEqualTo(3);
    }

    @Test
    void expressionsRoundTripThroughText() {
        Notation n = Arithmetic.of(10, 1).notation();
        Expression e = n.parse("(+3(-749))");
        assertThat(n.text(e)).isEqualTo("(+3(-749))");
        assertThat(e.evaluate()).isEqualTo(4);
        assertThat(e.depth()).isEqualTo(2);
        Notation big = Arithmetic.of(226, 1).notation();
        Expression f = big.parse("(%<1><17>(*<200><3>))");
        assertThat(f.evaluate()).isEqualTo((1 + 17 + 600 % 226) % 226);
        assertThat(big.text(f)).isEqualTo("(%<1><17>(*<200><3>))");
    }

    @Test
    void malformedExpressionsAreRejectedWithThePlace() {
        Notation n = Arithmetic.of(10, 1).notation();
        assertThatThrownBy(() -> n.parse("(%12")).hasMessageContaining("')' is missing");
        assertThatThrownBy(() -> n.parse("(12)")).hasMessageContaining("operator symbol after '('");
        assertThatThrownBy(() -> n.parse("(%)")).hasMessageContaining("no operands");
        assertThatThrownBy(() -> n.parse("(%12)3")).hasMessageContaining("after a complete expression");
    }

    @Test
    void twoOperatorsWithOneSymbolClash() {
        Algebra a = Algebra.ofSize(10);
        assertThatThrownBy(() -> new Notation(a, List.of(new Named("SUM", "%"), new Named("XOR", "%"))))
                .hasMessageContaining("operator symbol clash").hasMessageContaining("XOR").hasMessageContaining("SUM");
    }

    @Test
    void aSymbolMayNotBeAStructureOrElementToken() {
        assertThatThrownBy(() -> new Notation(Algebra.ofSize(10), List.of(new Named("STEP", ">"))))
                .hasMessageContaining("operator symbol clash").hasMessageContaining("structure token '>'");
        assertThatThrownBy(() -> new Notation(Algebra.ofSize(26), List.of(new Named("A", "A"))))
                .hasMessageContaining("operator symbol clash").hasMessageContaining("element 0");
        assertThatThrownBy(() -> new Notation(Algebra.ofSize(10), List.of(new Named("PAD", "<pad>"))))
                .hasMessageContaining("operator symbol clash").hasMessageContaining("padding");
    }

    @Test
    void operatorNamesAreUnique() {
        assertThatThrownBy(() -> new Notation(Algebra.ofSize(10), List.of(new Named("OP", "*"), new Named("OP", "^"))))
                .hasMessageContaining("two operators are named OP");
    }
}
