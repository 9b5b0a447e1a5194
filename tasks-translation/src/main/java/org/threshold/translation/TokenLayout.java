package org.threshold.translation;

import java.util.ArrayList;
import java.util.List;
import org.threshold.api.task.Vocabulary;

/**
 * Token ids of the translation task: {@code <pad>} (0), {@code .} (1, between a sentence and its
 * translation), {@code |} (2, the paper's instance separator "I"), then each language's m tokens
 * in language order ({@code a0 … a7 b0 … b7 …}). Tokens are words joined by spaces in text
 * ({@code a3 a1 a7 a0 . c3 c1 c7 c0 |}). The vocabulary depends only on the languages and m, so
 * every run of a sweep over sample counts has the same parameter count.
 */
public final class TokenLayout {

    public static final String PAD = "<pad>";
    public static final String DOT = ".";
    public static final String BAR = "|";

    private final List<Language> languages;
    private final int m;
    private final Vocabulary vocabulary;

    public TokenLayout(LanguageFamily family) {
        this.languages = family.languages();
        this.m = family.m();
        List<String> tokens = new ArrayList<>(List.of(PAD, DOT, BAR));
        for (Language l : languages) {
            for (int i = 0; i < m; i++) {
                tokens.add(l.token(i));
            }
        }
        this.vocabulary = new Vocabulary(tokens, PAD, " ");
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public int dot() {
        return 1;
    }

    public int bar() {
        return 2;
    }

    /** The id of token {@code i} of the named language. */
    public int id(String language, int i) {
        for (int l = 0; l < languages.size(); l++) {
            if (languages.get(l).name().equals(language)) {
                if (i < 0 || i >= m) {
                    throw new IllegalArgumentException("language " + language + " has tokens 0.." + (m - 1) + ", not " + i);
                }
                return 3 + l * m + i;
            }
        }
        throw new IllegalArgumentException("there is no language " + language);
    }

    /** The ids of a sentence of the named language. */
    public int[] ids(String language, int[] sentence) {
        int[] out = new int[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
            out[i] = id(language, sentence[i]);
        }
        return out;
    }

    /**
     * One instance, {@code source . target |}: 2L+2 tokens.
     */
    public int[] instance(Mapping mapping, int[] source) {
        int length = source.length;
        int[] out = new int[2 * length + 2];
        System.arraycopy(ids(mapping.from(), source), 0, out, 0, length);
        out[length] = dot();
        System.arraycopy(ids(mapping.to(), mapping.translate(source)), 0, out, length + 1, length);
        out[2 * length + 1] = bar();
        return out;
    }
}
