package org.threshold.addition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.threshold.api.config.ConfigSection;

/**
 * The {@code task:} section of an addition run (SPEC section 9); every key and default is in the
 * module's README:
 *
 * <pre>
 *   digits            10       the operands' digits, 1 to 18
 *   order             lsb      lsb (least significant digit first) | msb
 *   pad               true     leading zeros: operands digits wide, the sum digits + 1
 *   train_size        null     null: fresh pairs every step; n: a fixed set of n pairs per length
 *   eval_size         1000     held-out random pairs of the headline test set
 *   length_eval_size  0        0: none; n: a test set of n pairs per operand length (len1, len2, …)
 *   adderboard        true     AdderBoard's 10,010 cases, scored at the end of a run (10 digits only)
 * </pre>
 *
 * @param digits the operands' digits
 * @param order the order numbers are written in
 * @param pad whether numbers keep their leading zeros
 * @param trainSize a fixed training set's pairs per length component; empty: drawn fresh
 * @param evalSize the headline test set's pairs
 * @param lengthEvalSize pairs of each length's test set; 0 for none
 * @param adderboard whether the task has the {@code adderboard} set
 */
public record AdditionConfig(int digits, DigitOrder order, boolean pad, OptionalInt trainSize, int evalSize,
                             int lengthEvalSize, boolean adderboard) {

    public static final int DEFAULT_DIGITS = AdderBoard.DIGITS;
    public static final int MAX_DIGITS = 18;
    public static final int DEFAULT_EVAL_SIZE = 1_000;
    public static final int MAX_EVAL_SIZE = 1_000_000;
    public static final int MAX_LENGTH_EVAL_SIZE = 100_000;
    public static final int MAX_TRAIN_SIZE = 1_000_000;

    public AdditionConfig {
        List<Problem> problems = problems(digits, trainSize, evalSize, lengthEvalSize, adderboard);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
        }
    }

    /** SPEC section 9's defaults: 10 digits, least significant first, padded, fresh pairs, AdderBoard. */
    public static AdditionConfig defaults() {
        return of(DEFAULT_DIGITS);
    }

    /** The defaults for operands of {@code digits} digits (AdderBoard only at 10). */
    public static AdditionConfig of(int digits) {
        return new AdditionConfig(digits, DigitOrder.LSB, true, OptionalInt.empty(), Math.min(DEFAULT_EVAL_SIZE, halfOf(digits)),
                0, digits == AdderBoard.DIGITS);
    }

    public AdditionConfig withOrder(DigitOrder order, boolean pad) {
        return new AdditionConfig(digits, order, pad, trainSize, evalSize, lengthEvalSize, adderboard);
    }

    public AdditionConfig withSizes(OptionalInt trainSize, int evalSize, int lengthEvalSize) {
        return new AdditionConfig(digits, order, pad, trainSize, evalSize, lengthEvalSize, adderboard);
    }

    /**
     * Binds the {@code task:} section. Problems go to the section at their key, with the defaults
     * in place of an unusable config, so one pass reports them all.
     */
    public static AdditionConfig bind(ConfigSection s) {
        int digits = s.integer("digits", DEFAULT_DIGITS, 1, MAX_DIGITS);
        DigitOrder order = s.choice("order", DigitOrder.LSB);
        boolean pad = s.flag("pad", true);
        OptionalInt trainSize = s.optionalInteger("train_size", 1, MAX_TRAIN_SIZE);
        int evalSize = s.integer("eval_size", Math.min(DEFAULT_EVAL_SIZE, halfOf(digits)), 1, MAX_EVAL_SIZE);
        int lengthEvalSize = s.integer("length_eval_size", 0, 0, MAX_LENGTH_EVAL_SIZE);
        boolean adderboard = s.flag("adderboard", digits == AdderBoard.DIGITS);
        List<Problem> problems = problems(digits, trainSize, evalSize, lengthEvalSize, adderboard);
        for (Problem p : problems) {
            s.problem(p.key(), p.message());
        }
        return problems.isEmpty() ? new AdditionConfig(digits, order, pad, trainSize, evalSize, lengthEvalSize, adderboard)
                : defaults();
    }

    /** The rules a config keeps, each broken one at its key. */
    private static List<Problem> problems(int digits, OptionalInt trainSize, int evalSize, int lengthEvalSize,
                                          boolean adderboard) {
        List<Problem> out = new ArrayList<>();
        if (digits < 1 || digits > MAX_DIGITS) {
            out.add(new Problem("digits", "expected an integer from 1 to " + MAX_DIGITS + ", found " + digits));
            return out;
        }
        long pairs = Powers.pairs(digits);
        if (evalSize < 1 || evalSize > halfOf(digits)) {
            out.add(new Problem("eval_size", "expected from 1 to " + count(Math.min(MAX_EVAL_SIZE, halfOf(digits)))
                    + (halfOf(digits) < MAX_EVAL_SIZE ? ", half of the " + count(pairs) + " pairs of " + digits
                    + "-digit operands, so that training keeps the other half" : "") + "; found " + count(evalSize)));
        }
        if (lengthEvalSize < 0 || lengthEvalSize > MAX_LENGTH_EVAL_SIZE) {
            out.add(new Problem("length_eval_size", "expected from 0 to " + count(MAX_LENGTH_EVAL_SIZE) + ", found "
                    + lengthEvalSize));
        }
        if (trainSize.isPresent()) {
            int n = trainSize.getAsInt();
            if (n < 1 || n > MAX_TRAIN_SIZE) {
                out.add(new Problem("train_size", "expected from 1 to " + count(MAX_TRAIN_SIZE) + ", found " + n));
            } else if (pairs != Long.MAX_VALUE && n > pairs - evalSize) {
                out.add(new Problem("train_size", "a fixed set of " + count(n) + " pairs does not fit: " + digits
                        + "-digit operands give " + count(pairs) + " pairs and eval_size holds " + count(evalSize)
                        + " of them out; expected at most " + count(pairs - evalSize)));
            }
        }
        if (adderboard && digits != AdderBoard.DIGITS) {
            out.add(new Problem("adderboard", "the AdderBoard cases add 10-digit numbers, but digits is " + digits
                    + "; set adderboard: false, or digits: 10"));
        }
        return out;
    }

    /** The most test pairs a space of {@code digits}-digit operands gives away: half of its pairs. */
    static int halfOf(int digits) {
        long half = Powers.pairs(digits) / 2;
        return (int) Math.min(half, MAX_EVAL_SIZE);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private record Problem(String key, String message) {
    }
}
