package org.threshold.translation;

import java.math.BigInteger;
import java.util.List;

/**
 * The expected score of a uniformly random valid output sentence (SPEC section 4): what a model
 * that writes some sentence of the target language, unrelated to the query, scores on average.
 *
 * <p>Against a fixed target of L distinct tokens, the number of sentences (L distinct tokens of m)
 * with exactly the positions S right, |S| = j, follows by inclusion–exclusion over the wrong
 * positions that happen to be right as well:
 * <pre>
 *   c_j = C(L, j) · Σ_{k=0}^{L-j} (-1)^k · C(L-j, k) · (m-j-k)!/(m-L)!
 * </pre>
 * and the chance score is Σ_j c_j · score(j) / (m!/(m-L)!). For m=8, L=4 the counts for 4..0
 * right are 1, 16, 126, 536, 1001 (sum 1,680), and the paper's table gives 0.1218.
 */
public final class ChanceScore {

    private ChanceScore() {
    }

    /** c_0..c_L: sentences with exactly j positions equal to a fixed sentence's, as exact integers. */
    public static BigInteger[] sentencesWithPositionsRight(int m, int length) {
        if (length < 1 || m < length) {
            throw new IllegalArgumentException("sentences of " + length + " distinct tokens out of " + m + " do not exist");
        }
        BigInteger[] counts = new BigInteger[length + 1];
        for (int j = 0; j <= length; j++) {
            BigInteger sum = BigInteger.ZERO;
            for (int k = 0; k <= length - j; k++) {
                BigInteger term = binomial(length - j, k).multiply(fallingFactorial(m - j - k, length - j - k));
                sum = (k % 2 == 0) ? sum.add(term) : sum.subtract(term);
            }
            counts[j] = binomial(length, j).multiply(sum);
        }
        return counts;
    }

    /** The expected score of a uniformly random sentence of the target language. */
    public static double of(int m, PositionalScore score) {
        int length = score.length();
        BigInteger[] counts = sentencesWithPositionsRight(m, length);
        double total = fallingFactorial(m, length).doubleValue();
        double expected = 0;
        for (int j = 0; j <= length; j++) {
            expected += counts[j].doubleValue() / total * score.forPositionsRight(j);
        }
        return expected;
    }

    /** Convenience for a table given as in configs (L, L-1, …, 0 positions right). */
    public static double of(int m, List<Double> weights) {
        return of(m, new PositionalScore(weights));
    }

    private static BigInteger fallingFactorial(int n, int k) {
        BigInteger p = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            p = p.multiply(BigInteger.valueOf(n - i));
        }
        return p;
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }
}
