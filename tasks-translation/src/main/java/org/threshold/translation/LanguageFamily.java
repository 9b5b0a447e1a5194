package org.threshold.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The languages of one task, all random relabellings of one hidden base set of m elements
 * (SPEC section 4), so that the mapping between any two is a bijection and A->C equals A->B
 * followed by B->C. Each language's relabelling is drawn from the data seed and the language's
 * own name, so adding a language to a config leaves the others as they were.
 */
public final class LanguageFamily {

    private final int m;
    private final Map<String, Language> languages = new LinkedHashMap<>();

    public LanguageFamily(List<String> names, int m, long seed) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a language family needs at least one language");
        }
        if (m < 1) {
            throw new IllegalArgumentException("a language needs at least one token, m is " + m);
        }
        this.m = m;
        List<String> lowerCase = new ArrayList<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lowerCase.contains(lower)) {
                throw new IllegalArgumentException("language " + name + " is given twice (names are compared ignoring case,"
                        + " because tokens are written in lower case)");
            }
            lowerCase.add(lower);
            languages.put(name, new Language(name, randomPermutation(m, new SplittableRandom(DerivedSeed.of(seed, "language", name)))));
        }
    }

    private static int[] randomPermutation(int m, SplittableRandom random) {
        int[] p = new int[m];
        for (int i = 0; i < m; i++) {
            p[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Tokens per language. */
    public int m() {
        return m;
    }

    /** The languages in config order. */
    public List<Language> languages() {
        return List.copyOf(languages.values());
    }

    public Language language(String name) {
        Language l = languages.get(name);
        if (l == null) {
            throw new IllegalArgumentException("there is no language " + name + "; the languages are " + languages.keySet());
        }
        return l;
    }

    /** The translation from {@code from} to {@code to}: token i of from stands for the same base element as image[i] of to. */
    public Mapping mapping(String from, String to) {
        int[] fromBase = language(from).baseOf();
        int[] toBase = language(to).baseOf();
        int[] tokenOfBase = new int[m];
        for (int i = 0; i < m; i++) {
            tokenOfBase[toBase[i]] = i;
        }
        int[] image = new int[m];
        for (int i = 0; i < m; i++) {
            image[i] = tokenOfBase[fromBase[i]];
        }
        return new Mapping(from, to, image);
    }
}
