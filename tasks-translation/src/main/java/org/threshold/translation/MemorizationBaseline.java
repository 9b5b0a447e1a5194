package org.threshold.translation;

/**
 * Proposition 4 (section 2.4): a model that only memorises its x distinct training sentences of
 * an edge, tested on sentences drawn from all |N|, is expected to score x/|N|; Hoeffding's
 * inequality, as the paper writes it (eq. 4, with the two-sided factor 2), bounds the chance
 * that its observed mean over n test sentences exceeds that by t: P(μ̂ − E ≥ t) ≤ 2·exp(−2nt²).
 *
 * <p>The paper's example (section 3.1.3), "the chance that the model gets 60% accuracy score by
 * memorization is less than or equal to 7.74% for n=5", is {@link #probabilityOfReaching} with
 * x = 50, |N| = 1,680, n = 5 and a score of 0.6: t = 0.6 − 50/1680 = 0.5702, 2·exp(−10t²) = 0.0774.
 *
 * <p>Before training, the figure to report is the other direction,
 * {@link #scoreReachedWithProbability}: the mean score that a memoriser reaches with probability at
 * most α, E + sqrt(ln(2/α)/(2n)); a score above it is unlikely to be memorisation. (On this task's
 * held-out test sentences a memoriser can only guess; the chance score covers that.)
 *
 * @param distinctTraining x, different training sentences of the edge
 * @param sentences |N|, sentences of the source language
 * @param testSentences n, test sentences the mean is taken over
 */
public record MemorizationBaseline(long distinctTraining, long sentences, int testSentences) {

    public MemorizationBaseline {
        if (sentences < 1 || distinctTraining < 0 || distinctTraining > sentences) {
            throw new IllegalArgumentException("x = " + distinctTraining + " distinct training sentences of |N| = " + sentences
                    + " is not possible");
        }
        if (testSentences < 1) {
            throw new IllegalArgumentException("the mean needs at least one test sentence, got " + testSentences);
        }
    }

    /** E = x/|N|, the memoriser's expected score. */
    public double expectedScore() {
        return (double) distinctTraining / sentences;
    }

    /**
     * The paper's bound on the probability that a memoriser's mean over n test sentences is at
     * least {@code score}: 2·exp(−2n(score − E)²), and 1 (no bound) for a score at or below E or
     * where the bound exceeds 1.
     */
    public double probabilityOfReaching(double score) {
        double t = score - expectedScore();
        if (t <= 0) {
            return 1;
        }
        return Math.min(1, 2 * Math.exp(-2.0 * testSentences * t * t));
    }

    /**
     * The mean score that a memoriser reaches with probability at most {@code level} by the bound:
     * E + sqrt(ln(2/level)/(2n)). Above 1 when n is too small for any score to tell.
     */
    public double scoreReachedWithProbability(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a probability level is strictly between 0 and 1, got " + level);
        }
        return expectedScore() + Math.sqrt(Math.log(2 / level) / (2.0 * testSentences));
    }
}
