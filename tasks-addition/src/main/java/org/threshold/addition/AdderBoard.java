package org.threshold.addition;

import java.util.ArrayList;
import java.util.List;

/**
 * The AdderBoard protocol (anadim/AdderBoard, verify.py; SPEC.md section 9): 10,010 additions of
 * 10-digit numbers, in verify.py's order, and the share of them a model must get right to
 * qualify.
 *
 * <pre>{@code
 * List<Operands> cases = AdderBoard.cases();   // (0, 0), (0, 1), …, then 2395527356 + 9334186774, …
 * }</pre>
 */
public final class AdderBoard {

    /** The operands' digits. */
    public static final int DIGITS = 10;
    /** The seed of verify.py's {@code random.Random}. */
    public static final long SEED = 2025;
    /** How many random pairs follow the edge cases. */
    public static final int RANDOM_CASES = 10_000;
    /** verify.py qualifies a model that gets at least this share of all cases right. */
    public static final double QUALIFYING_ACCURACY = 0.99;

    /** verify.py's edge cases, in its order; (9999999999, 9999999999) is among them twice, as there. */
    public static final List<Operands> EDGE_CASES = List.of(
            new Operands(0L, 0L),
            new Operands(0L, 1L),
            new Operands(9_999_999_999L, 0L),
            new Operands(9_999_999_999L, 1L),
            new Operands(9_999_999_999L, 9_999_999_999L),
            new Operands(5_000_000_000L, 5_000_000_000L),
            new Operands(1_111_111_111L, 8_888_888_889L),
            new Operands(1_234_567_890L, 9_876_543_210L),
            new Operands(9_999_999_999L, 9_999_999_999L),
            new Operands(1L, 9_999_999_999L));

    private static final List<Operands> CASES = build();

    private AdderBoard() {
    }

    /** All 10,010 cases: the edge cases, then {@link #RANDOM_CASES} pairs of {@code random.Random(2025)}. */
    public static List<Operands> cases() {
        return CASES;
    }

    /**
     * The pairs verify.py's loop draws: per pair {@code a = rng.randint(0, 10^digits - 1)}, then b
     * the same way, from {@code rng = random.Random(seed)}.
     *
     * @param digits 1 to 18
     */
    public static List<Operands> randomPairs(long seed, int count, int digits) {
        if (digits < 1 || digits > 18) {
            throw new IllegalArgumentException("digits is 1 to 18, got " + digits);
        }
        long top = Powers.ten(digits) - 1;
        PythonRandom rng = PythonRandom.seeded(seed);
        List<Operands> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long a = rng.randint(0, top);
            long b = rng.randint(0, top);
            pairs.add(new Operands(a, b));
        }
        return List.copyOf(pairs);
    }

    private static List<Operands> build() {
        List<Operands> all = new ArrayList<>(EDGE_CASES);
        all.addAll(randomPairs(SEED, RANDOM_CASES, DIGITS));
        return List.copyOf(all);
    }
}
