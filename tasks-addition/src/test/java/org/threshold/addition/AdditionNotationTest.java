package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Example;
import org.threshold.api.task.Vocabulary;

/** SPEC section 9's text form: every digit one token, the sum with digits + 1 digits, then e. */
class AdditionNotationTest {

    private static String text(AdditionNotation n, Operands p) {
        return n.vocabulary().render(n.example(p).tokens());
    }

    @Test
    void theDefaultWritesEveryNumberLeastSignificantDigitFirstWithLeadingZeros() {
        AdditionNotation n = new AdditionNotation(10, DigitOrder.LSB, true);
        assertThat(text(n, new Operands(3, 48))).isEqualTo("3000000000+8400000000=15000000000e");
        assertThat(text(n, new Operands(9_999_999_999L, 1))).isEqualTo("9999999999+1000000000=00000000001e");
        assertThat(text(n, new Operands(1_234_567_890L, 9_876_543_210L))).isEqualTo("0987654321+0123456789=00111111111e");
    }

    @Test
    void msbWritesMostSignificantDigitFirst() {
        AdditionNotation n = new AdditionNotation(10, DigitOrder.MSB, true);
        assertThat(text(n, new Operands(3, 48))).isEqualTo("0000000003+0000000048=00000000051e");
        assertThat(text(n, new Operands(9_999_999_999L, 9_999_999_999L))).isEqualTo("9999999999+9999999999=19999999998e");
    }

    @Test
    void withoutPaddingNumbersHaveTheirOwnLengthAndZeroIsOneDigit() {
        assertThat(text(new AdditionNotation(10, DigitOrder.LSB, false), new Operands(3, 48))).isEqualTo("3+84=15e");
        assertThat(text(new AdditionNotation(10, DigitOrder.MSB, false), new Operands(3, 48))).isEqualTo("3+48=51e");
        assertThat(text(new AdditionNotation(10, DigitOrder.MSB, false), new Operands(0, 0))).isEqualTo("0+0=0e");
        assertThat(text(new AdditionNotation(3, DigitOrder.MSB, false), new Operands(999, 1))).isEqualTo("999+1=1000e");
    }

    @Test
    void theCompletionStartsAfterTheEqualsSignAndTheLongestExampleFillsTheContext() {
        AdditionNotation n = new AdditionNotation(10, DigitOrder.LSB, true);
        Example e = n.example(new Operands(12, 34));
        assertThat(e.completionStart()).isEqualTo(22);
        assertThat(e.tokens()[e.completionStart() - 1]).isEqualTo(AdditionNotation.EQUALS_ID);
        assertThat(e.length()).isEqualTo(n.contextLength()).isEqualTo(34);
        EvalItem item = n.item(new Operands(12, 34));
        assertThat(item.prompt()).hasSize(22);
        assertThat(item.expected()).hasSize(12).endsWith(AdditionNotation.END_ID);
        assertThat(item.maxNewTokens()).isEqualTo(12);
    }

    @Test
    void digitTokensAreTheirDigitsAndTheTextReadsBack() {
        AdditionNotation n = new AdditionNotation(4, DigitOrder.LSB, true);
        Vocabulary v = n.vocabulary();
        assertThat(v.tokens()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "=", "e", "<pad>");
        assertThat(v.pad()).isEqualTo(13);
        Example e = n.example(new Operands(1234, 5678));
        assertThat(v.parse(v.render(e.tokens()))).isEqualTo(e.tokens());
    }

    @Test
    void aCompletionReadsBackAsTheSumItWritesInTheNotationsOrder() {
        AdditionNotation lsb = new AdditionNotation(10, DigitOrder.LSB, true);
        assertThat(lsb.readSum(lsb.answer(new Operands(3, 48)))).hasValue(51);
        AdditionNotation msb = new AdditionNotation(10, DigitOrder.MSB, false);
        assertThat(msb.readSum(msb.answer(new Operands(999, 1)))).hasValue(1000);
        int e = AdditionNotation.END_ID;
        assertThat(lsb.readSum(new int[] {1, 2})).as("no e").isEmpty();
        assertThat(lsb.readSum(new int[] {e})).as("no digit").isEmpty();
        assertThat(lsb.readSum(new int[] {1, AdditionNotation.PLUS_ID, e})).as("not a digit").isEmpty();
        assertThat(lsb.readSum(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, e})).as("12 digits").isEmpty();
    }

    @Test
    void aPromptReadsBackAsItsOperandsInEveryNotation() {
        for (DigitOrder order : DigitOrder.values()) {
            for (boolean pad : new boolean[] {true, false}) {
                AdditionNotation n = new AdditionNotation(10, order, pad);
                for (Operands p : List.of(new Operands(0, 0), new Operands(3, 48), new Operands(9_999_999_999L, 1_234_567_890L))) {
                    assertThat(n.readOperands(n.prompt(p))).as("%s in %s, pad %s", p, order, pad).contains(p);
                }
            }
        }
        AdditionNotation lsb = new AdditionNotation(3, DigitOrder.LSB, true);
        assertThat(lsb.readOperands(new int[] {1, 2, AdditionNotation.EQUALS_ID})).as("no +").isEmpty();
        assertThat(lsb.readOperands(new int[] {1, AdditionNotation.PLUS_ID, 2})).as("no =").isEmpty();
    }

    @Test
    void anOperandWiderThanTheDigitsIsRefused() {
        assertThatThrownBy(() -> new AdditionNotation(3, DigitOrder.LSB, true).prompt(new Operands(1000, 1)))
                .hasMessage("1000 + 1 has an operand of more than 3 digits");
    }
}
