package org.threshold.api.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of a task, their ids, and how token sequences are written as text.
 *
 * <p>Ids are positions in {@link #tokens()}. One token is padding: it fills batches and is masked
 * out of the loss. Text is the tokens joined by {@link #separator()}: the empty string for tasks
 * whose tokens are single characters or bracketed ({@code s(%12(%34))=0e}, {@code <17>}), a space
 * for word-like tokens ({@code a3 a1 . c3 c1 |}).
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final int pad;
    private final String separator;
    private final Map<String, Integer> ids;
    private final int longestToken;

    /**
     * @param tokens every token once, in id order
     * @param padToken the padding token, one of {@code tokens}
     * @param separator what joins tokens in text
     */
    public Vocabulary(List<String> tokens, String padToken, String separator) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one token");
        }
        this.tokens = List.copyOf(tokens);
        this.separator = separator;
        Map<String, Integer> map = new HashMap<>();
        int longest = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("token " + i + " is empty");
            }
            if (!separator.isEmpty() && t.contains(separator)) {
                throw new IllegalArgumentException("token '" + t + "' contains the separator '" + separator + "'");
            }
            Integer previous = map.put(t, i);
            if (previous != null) {
                throw new IllegalArgumentException("token '" + t + "' appears twice (ids " + previous + " and " + i + ")");
            }
            longest = Math.max(longest, t.length());
        }
        Integer padId = map.get(padToken);
        if (padId == null) {
            throw new IllegalArgumentException("the padding token '" + padToken + "' is not in the vocabulary");
        }
        this.pad = padId;
        this.ids = Collections.unmodifiableMap(map);
        this.longestToken = longest;
    }

    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    /** Id of the padding token. */
    public int pad() {
        return pad;
    }

    public String separator() {
        return separator;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public int id(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("'" + token + "' is not a token of this vocabulary " + tokens);
        }
        return id;
    }

    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /** The text of a token sequence. */
    public String render(int[] sequence) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sequence.length; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(token(sequence[i]));
        }
        return sb.toString();
    }

    /**
     * Token ids of a text written by {@link #render}. Without a separator the text is split by
     * longest match, so multi-character tokens such as {@code <17>} read back.
     *
     * @throws IllegalArgumentException naming the position of the first text that is no token
     */
    public int[] parse(String text) {
        List<Integer> out = new ArrayList<>();
        if (!separator.isEmpty()) {
            if (text.isEmpty()) {
                return new int[0];
            }
            String[] parts = text.split(java.util.regex.Pattern.quote(separator), -1);
            for (int i = 0; i < parts.length; i++) {
                Integer id = ids.get(parts[i]);
                if (id == null) {
                    throw new IllegalArgumentException("'" + parts[i] + "' (word " + (i + 1) + " of '" + text
                            + "') is not a token of this vocabulary");
                }
                out.add(id);
            }
        } else {
            int i = 0;
            while (i < text.length()) {
                Integer found = null;
                int length = 0;
                for (int len = Math.min(longestToken, text.length() - i); len >= 1; len--) {
                    Integer id = ids.get(text.substring(i, i + len));
                    if (id != null) {
                        found = id;
                        length = len;
                        break;
                    }
                }
                if (found == null) {
                    throw new IllegalArgumentException("no token matches '" + text.substring(i)
                            + "' at character " + (i + 1) + " of '" + text + "'");
                }
                out.add(found);
                i += length;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens) && v.pad == pad && v.separator.equals(separator);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + pad;
    }

    @Override
    public String toString() {
        return "Vocabulary" + Arrays.toString(tokens.toArray()) + " pad=" + tokens.get(pad);
    }
}
