package org.threshold.analysis.distribution;

import java.util.Arrays;

/**
 * Wasserstein-1 (earth mover's) distance between two empirical samples, exactly: the area between
 * their empirical CDFs, W1 = ∫ |F_a(x) − F_b(x)| dx. Commons Math has no implementation.
 */
public final class Wasserstein {

    private Wasserstein() {
    }

    public static double distance(double[] a, double[] b) {
        Samples.check(a, "a", 1);
        Samples.check(b, "b", 1);
        double[] sa = a.clone();
        double[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        // Walk the merged sorted values; between consecutive ones both CDFs are constant.
        int i = 0;
        int j = 0;
        double previous = Math.min(sa[0], sb[0]);
        double area = 0;
        while (i < sa.length || j < sb.length) {
            double next = j >= sb.length || (i < sa.length && sa[i] <= sb[j]) ? sa[i] : sb[j];
            double fa = (double) i / sa.length;
            double fb = (double) j / sb.length;
            area += Math.abs(fa - fb) * (next - previous);
            while (i < sa.length && sa[i] == next) {
                i++;
            }
            while (j < sb.length && sb[j] == next) {
                j++;
            }
            previous = next;
        }
        return area;
    }
}
