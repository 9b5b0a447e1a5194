package org.threshold.api.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the name a user most likely meant when they wrote one that does not exist: a key, a
 * plugin, a component, a choice. Distance is Damerau-Levenshtein (optimal string alignment, so a
 * swap of two neighbouring letters costs 1) and ignores case; a candidate counts as a near miss
 * when it is at most 1 edit away for words of up to 3 letters, 2 for up to 7, and 3 beyond.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate within the cutoff; ties go to the earlier candidate. */
    public static Optional<String> closest(String written, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int cutoff = cutoff(written.length());
        for (String candidate : candidates) {
            if (candidate.equals(written)) {
                continue;
            }
            int d = distance(written.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d <= cutoff && d < Math.max(candidate.length(), 2) && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " (did you mean 'x'?)"} for a near miss, otherwise the empty string. */
    public static String hint(String written, Collection<String> candidates) {
        return closest(written, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    static int cutoff(int length) {
        return length <= 3 ? 1 : length <= 7 ? 2 : 3;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
