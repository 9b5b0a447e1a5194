package org.threshold.analysis.embedding;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How well the top principal components separate odd from even elements (SPEC section 7, paper
 * figure 2, where PC1 and PC2 of ADD models split by parity).
 *
 * <p>Two measures of best linear separability, as accuracy of classifying odd vs even:
 * <ul>
 *   <li>single component: the best threshold on any one of the top components;</li>
 *   <li>pair: the best line in the plane of any two of the top components (exact, see
 *       {@link LinearSeparability}).</li>
 * </ul>
 * 1.0 means complete separation. With few elements even random points are often separable by
 * chance (10 points in a plane: well above 50%), so each measure comes with its baseline: the mean
 * of the same measure over seeded shuffles of the parity labels (class sizes kept). A separation
 * is real where the accuracy stands clearly above that baseline.
 *
 * @param components how many top components were searched
 * @param bestComponent the 1-based component with the best single-component accuracy
 * @param singleComponentAccuracy that accuracy
 * @param bestPairFirst the first (1-based) component of the best pair
 * @param bestPairSecond the second component of the best pair
 * @param pairAccuracy the best pair's accuracy
 * @param majorityRate the rate of the larger parity class: the accuracy of always guessing it
 * @param shuffledSingleComponentAccuracy mean single-component accuracy over label shuffles
 * @param shuffledPairAccuracy mean pair accuracy over label shuffles (NaN with one component)
 * @param shuffles how many shuffles the baselines average
 */
public record ParitySeparation(int components, int bestComponent, double singleComponentAccuracy,
                               int bestPairFirst, int bestPairSecond, double pairAccuracy, double majorityRate,
                               double shuffledSingleComponentAccuracy, double shuffledPairAccuracy, int shuffles) {

    /** Label shuffles behind each baseline. */
    public static final int DEFAULT_SHUFFLES = 100;

    /**
     * @param top how many top components to search (e.g. 4)
     * @param shuffles label shuffles for the baselines (0: baselines are NaN)
     * @param seed seeds the shuffles
     */
    public static ParitySeparation measure(EmbeddingPca pca, int top, int shuffles, long seed) {
        pca.checkTop(top);
        int n = pca.size();
        boolean[][] labels = new boolean[1 + shuffles][n];
        int odd = 0;
        for (int k = 0; k < n; k++) {
            labels[0][k] = k % 2 == 1;
            odd += k % 2;
        }
        if (odd == 0 || odd == n) {
            throw new IllegalArgumentException("parity separation needs odd and even elements, got " + n + " element(s)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 1; s <= shuffles; s++) {
            labels[s] = labels[0].clone();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                boolean swap = labels[s][i];
                labels[s][i] = labels[s][j];
                labels[s][j] = swap;
            }
        }

        double[][] pcs = new double[top][];
        for (int pc = 1; pc <= top; pc++) {
            pcs[pc - 1] = pca.component(pc);
        }
        double[] bestSingle = new double[1 + shuffles];
        int bestComponent = 1;
        double bestComponentAccuracy = -1;
        for (int c = 0; c < top; c++) {
            double[] accuracy = LinearSeparability.oneDimension(pcs[c], labels);
            if (accuracy[0] > bestComponentAccuracy + 1e-12) {
                bestComponentAccuracy = accuracy[0];
                bestComponent = c + 1;
            }
            for (int l = 0; l <= shuffles; l++) {
                bestSingle[l] = Math.max(bestSingle[l], accuracy[l]);
            }
        }
        double[] bestPair = new double[1 + shuffles];
        int first = 1;
        int second = Math.min(2, top);
        double bestPairAccuracy = top == 1 ? Double.NaN : -1;
        for (int a = 0; a < top; a++) {
            for (int b = a + 1; b < top; b++) {
                double[] accuracy = LinearSeparability.twoDimensions(pcs[a], pcs[b], labels);
                if (accuracy[0] > bestPairAccuracy + 1e-12) {
                    bestPairAccuracy = accuracy[0];
                    first = a + 1;
                    second = b + 1;
                }
                for (int l = 0; l <= shuffles; l++) {
                    bestPair[l] = Math.max(bestPair[l], accuracy[l]);
                }
            }
        }
        double majority = Math.max(odd, n - odd) / (double) n;
        return new ParitySeparation(top, bestComponent, bestComponentAccuracy, first, second, bestPairAccuracy, majority,
                meanOfShuffles(bestSingle, shuffles), top == 1 ? Double.NaN : meanOfShuffles(bestPair, shuffles), shuffles);
    }

    private static double meanOfShuffles(double[] accuracy, int shuffles) {
        if (shuffles == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int l = 1; l <= shuffles; l++) {
            sum += accuracy[l];
        }
        return sum / shuffles;
    }

    /** "parity: 100% on PC2 (shuffled labels 71%), 100% on PC1–PC2 (shuffled 83%); chance 50%". */
    public String describe() {
        String single = String.format(Locale.ROOT, "parity: %.0f%% on PC%d (shuffled labels %.0f%%)",
                100 * singleComponentAccuracy, bestComponent, 100 * shuffledSingleComponentAccuracy);
        String pair = Double.isNaN(pairAccuracy) ? "" : String.format(Locale.ROOT, ", %.0f%% on PC%d–PC%d (shuffled %.0f%%)",
                100 * pairAccuracy, bestPairFirst, bestPairSecond, 100 * shuffledPairAccuracy);
        return single + pair + String.format(Locale.ROOT, "; chance %.0f%%", 100 * majorityRate);
    }
}
