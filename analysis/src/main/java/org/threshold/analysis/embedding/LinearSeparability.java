package org.threshold.analysis.embedding;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Best accuracy of a linear classifier of two classes of points in one or two dimensions, for many
 * labellings of the same points at once (the true labels and shuffled ones).
 *
 * <p>In one dimension the best classifier is a threshold: every cut between consecutive distinct
 * values is tried, in both orientations. In two dimensions a linear classifier is a direction plus
 * a threshold along it; the order of the projections only changes at directions perpendicular to a
 * line through two points, so trying one direction between each pair of consecutive such critical
 * directions tries every classifier: the search is exact. Above {@link #MAX_EXACT_DIRECTIONS}
 * critical directions (more than 64 points) it uses that many evenly spaced directions instead.
 */
final class LinearSeparability {

    static final int MAX_EXACT_DIRECTIONS = 2016;

    private LinearSeparability() {
    }

    /** Best threshold accuracy of each labelling (labels[l][i]: point i is in class 1). */
    static double[] oneDimension(double[] values, boolean[][] labels) {
        double[] best = new double[labels.length];
        evaluate(values, identity(values.length), labels, best);
        return best;
    }

    /** Best linear accuracy of each labelling of the points (x[i], y[i]). */
    static double[] twoDimensions(double[] x, double[] y, boolean[][] labels) {
        double[] best = new double[labels.length];
        double[] projection = new double[x.length];
        // Neighbouring directions order the points almost alike, so each sort starts from the last.
        int[] order = identity(x.length);
        for (double angle : directions(x, y)) {
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            for (int i = 0; i < x.length; i++) {
                projection[i] = c * x[i] + s * y[i];
            }
            evaluate(projection, order, labels, best);
        }
        return best;
    }

    /** Directions in [0, π) to try (θ and θ + π give the same classifiers with classes swapped). */
    private static double[] directions(double[] x, double[] y) {
        int n = x.length;
        long pairs = (long) n * (n - 1) / 2;
        if (pairs == 0) {
            return new double[] {0};
        }
        if (pairs > MAX_EXACT_DIRECTIONS) {
            return IntStream.range(0, MAX_EXACT_DIRECTIONS).mapToDouble(k -> (k + 0.5) * Math.PI / MAX_EXACT_DIRECTIONS).toArray();
        }
        double[] critical = new double[(int) pairs];
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // The projections of i and j swap where the direction is perpendicular to p_i − p_j.
                double angle = Math.atan2(y[i] - y[j], x[i] - x[j]) + Math.PI / 2;
                angle = ((angle % Math.PI) + Math.PI) % Math.PI;
                critical[c++] = angle;
            }
        }
        Arrays.sort(critical);
        double[] between = new double[critical.length];
        for (int k = 0; k < critical.length; k++) {
            double next = k + 1 < critical.length ? critical[k + 1] : critical[0] + Math.PI;
            between[k] = (critical[k] + next) / 2;
        }
        return between;
    }

    private static int[] identity(int n) {
        return IntStream.range(0, n).toArray();
    }

    /**
     * Raises best[l] to the best threshold accuracy of labelling l along {@code values}; sorts
     * {@code order} by {@code values} first (insertion sort: linear when it is nearly sorted).
     */
    private static void evaluate(double[] values, int[] order, boolean[][] labels, double[] best) {
        int n = values.length;
        for (int i = 1; i < n; i++) {
            int moving = order[i];
            int j = i - 1;
            while (j >= 0 && values[order[j]] > values[moving]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = moving;
        }
        for (int l = 0; l < labels.length; l++) {
            boolean[] positive = labels[l];
            int totalPositive = 0;
            for (boolean p : positive) {
                totalPositive += p ? 1 : 0;
            }
            // Classifier "positive above the cut"; the cut starts below every point.
            int correct = totalPositive;
            int bestCorrect = Math.max(correct, n - correct);
            for (int k = 0; k < n; k++) {
                // Moving point order[k] below the cut: "positive above the cut" gains a negative, loses a positive.
                correct += positive[order[k]] ? -1 : 1;
                boolean cutAllowed = k == n - 1 || values[order[k]] != values[order[k + 1]];
                if (cutAllowed) {
                    bestCorrect = Math.max(bestCorrect, Math.max(correct, n - correct));
                }
            }
            best[l] = Math.max(best[l], (double) bestCorrect / n);
        }
    }
}
