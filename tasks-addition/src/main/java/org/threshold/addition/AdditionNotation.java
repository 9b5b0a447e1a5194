package org.threshold.addition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Example;
import org.threshold.api.task.Vocabulary;

/**
 * SPEC section 9's text form, every digit one token: with the defaults (least significant digit
 * first, leading zeros kept), 10-digit {@code a + b} is
 *
 * <pre>
 *   a0 … a9 + b0 … b9 = z0 … z10 e        e.g. 3 + 48 = 51:  3000000000+8400000000=15000000000e
 * </pre>
 *
 * the sum written with digits + 1 digits. {@code order: msb} writes every number most significant
 * digit first ({@code 0000000003+0000000048=00000000051e}); {@code pad: false} drops leading zeros
 * ({@code 3+84=15e} least significant first, {@code 3+48=51e} most significant first; zero is
 * {@code 0}). The prompt ends with {@code =}; the answer is the sum's digits and {@code e}.
 *
 * <p>Token ids: the digits 0–9 are ids 0–9, then {@code + = e <pad>}.
 */
public final class AdditionNotation {

    public static final String PLUS = "+";
    public static final String EQUALS = "=";
    public static final String END = "e";
    public static final String PAD = "<pad>";

    static final int PLUS_ID = 10;
    static final int EQUALS_ID = 11;
    static final int END_ID = 12;

    private static final Vocabulary VOCABULARY = digitsAndSigns();

    private final int digits;
    private final DigitOrder order;
    private final boolean pad;

    /**
     * @param digits the operands' digits, 1 to 18
     * @param order the order numbers are written in
     * @param pad whether numbers keep their leading zeros (operands digits wide, the sum digits + 1)
     */
    public AdditionNotation(int digits, DigitOrder order, boolean pad) {
        if (digits < 1 || digits > 18) {
            throw new IllegalArgumentException("digits is 1 to 18, got " + digits);
        }
        this.digits = digits;
        this.order = order;
        this.pad = pad;
    }

    public Vocabulary vocabulary() {
        return VOCABULARY;
    }

    public int digits() {
        return digits;
    }

    /** The longest example: two operands, the sum, {@code + = e}. */
    public int contextLength() {
        return 3 * digits + 4;
    }

    /** The longest answer: the sum's digits + 1 digits and {@code e}. */
    public int answerLength() {
        return digits + 2;
    }

    /** {@code a + b =}. */
    public int[] prompt(Operands pair) {
        check(pair);
        List<Integer> tokens = new ArrayList<>(2 * digits + 2);
        write(pair.a(), digits, tokens);
        tokens.add(PLUS_ID);
        write(pair.b(), digits, tokens);
        tokens.add(EQUALS_ID);
        return toArray(tokens);
    }

    /** The sum's digits, then {@code e}. */
    public int[] answer(Operands pair) {
        check(pair);
        List<Integer> tokens = new ArrayList<>(digits + 2);
        write(pair.sum(), digits + 1, tokens);
        tokens.add(END_ID);
        return toArray(tokens);
    }

    /** The whole equation, the answer the completion (what completion-only loss trains on). */
    public Example example(Operands pair) {
        int[] prompt = prompt(pair);
        int[] answer = answer(pair);
        int[] tokens = new int[prompt.length + answer.length];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(answer, 0, tokens, prompt.length, answer.length);
        return new Example(tokens, prompt.length);
    }

    /** The prompt, its answer, and room for the longest answer. */
    public EvalItem item(Operands pair) {
        return new EvalItem(prompt(pair), answer(pair), answerLength());
    }

    /**
     * The number a completion writes before its {@code e}, read in this notation's order; empty
     * when it writes no digit, anything but digits before the {@code e}, no {@code e}, or more
     * digits than a sum has.
     */
    public OptionalLong readSum(int[] completion) {
        int end = -1;
        for (int i = 0; i < completion.length; i++) {
            if (completion[i] == END_ID) {
                end = i;
                break;
            }
        }
        if (end < 1 || end > digits + 1) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < end; i++) {
            int digit = completion[order == DigitOrder.LSB ? end - 1 - i : i];
            if (digit < 0 || digit > 9) {
                return OptionalLong.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalLong.of(value);
    }

    /** The operands a prompt written in this notation holds; empty for a prompt that is not {@code a + b =}. */
    public Optional<Operands> readOperands(int[] prompt) {
        int plus = -1;
        for (int i = 0; i < prompt.length; i++) {
            if (prompt[i] == PLUS_ID) {
                plus = i;
                break;
            }
        }
        int equals = prompt.length - 1;
        if (plus < 1 || equals <= plus + 1 || prompt[equals] != EQUALS_ID) {
            return Optional.empty();
        }
        OptionalLong a = number(prompt, 0, plus);
        OptionalLong b = number(prompt, plus + 1, equals);
        return a.isPresent() && b.isPresent() ? Optional.of(new Operands(a.getAsLong(), b.getAsLong())) : Optional.empty();
    }

    // the digits from..to-1 as a number in this notation's order; empty when one is no digit or there are too many
    private OptionalLong number(int[] tokens, int from, int to) {
        if (to - from > digits) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < to - from; i++) {
            int digit = tokens[order == DigitOrder.LSB ? to - 1 - i : from + i];
            if (digit < 0 || digit > 9) {
                return OptionalLong.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalLong.of(value);
    }

    private void check(Operands pair) {
        long limit = Powers.ten(digits);
        if (pair.a() >= limit || pair.b() >= limit) {
            throw new IllegalArgumentException(pair + " has an operand of more than " + digits + " digits");
        }
    }

    // width digits with leading zeros, or as many as the number has without them, in the notation's order
    private void write(long number, int width, List<Integer> tokens) {
        int count = pad ? width : Math.max(1, Long.toString(number).length());
        int[] lsbFirst = new int[count];
        long rest = number;
        for (int i = 0; i < count; i++) {
            lsbFirst[i] = (int) (rest % 10);
            rest /= 10;
        }
        for (int i = 0; i < count; i++) {
            tokens.add(lsbFirst[order == DigitOrder.LSB ? i : count - 1 - i]);
        }
    }

    private static int[] toArray(List<Integer> tokens) {
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Vocabulary digitsAndSigns() {
        List<String> tokens = new ArrayList<>();
        for (int d = 0; d <= 9; d++) {
            tokens.add(Integer.toString(d));
        }
        tokens.add(PLUS);
        tokens.add(EQUALS);
        tokens.add(END);
        tokens.add(PAD);
        return new Vocabulary(tokens, PAD, "");
    }
}
