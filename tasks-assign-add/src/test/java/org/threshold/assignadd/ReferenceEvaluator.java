package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an example's text as SPEC section 8 writes it and works out its answer, written for the
 * tests without the task's classes (no {@link Program}, no {@link AssignAddNotation}), so that a
 * generator bug cannot hide behind the same code checking it. Also the split of SPEC section 8,
 * from its formula.
 */
final class ReferenceEvaluator {

    /**
     * An example read back.
     *
     * @param bound each variable's letter with its resolved value, in binding order
     * @param chained the letters bound to another variable
     * @param reads the letters the query reads
     * @param operands the query's operand count
     * @param answer the answer the text's bindings and query give
     * @param written the answer token's value the text carries after its last {@code =}, or -1 for a prompt
     */
    record Reading(Map<Character, Integer> bound, Set<Character> chained, Set<Character> reads, int operands, int answer,
                   int written) {
    }

    private final int modulus;

    ReferenceEvaluator(int modulus) {
        this.modulus = modulus;
    }

    /** The split's rule: variable i (a, b, c, d, f, … without s and e) holds out (i·m + j) mod n for j < m. */
    static boolean heldOut(char variable, int value, int modulus, double fraction) {
        String letters = "abcdefghijklmnopqrstuvwxyz".replace("s", "").replace("e", "");
        int i = letters.indexOf(variable);
        int m = Math.max(1, (int) Math.floor(fraction * modulus + 1e-9));
        for (int j = 0; j < m; j++) {
            if ((i * m + j) % modulus == value) {
                return true;
            }
        }
        return false;
    }

    /** The tokens of a text: elements as in SPEC section 2, letters and signs one character each. */
    List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '<') {
                int close = text.indexOf('>', i);
                out.add(text.substring(i, close + 1));
                i = close + 1;
            } else {
                out.add(text.substring(i, i + 1));
                i++;
            }
        }
        return out;
    }

    int element(String token) {
        int v;
        if (modulus <= 10) {
            v = token.charAt(0) - '0';
        } else if (modulus <= 26) {
            v = token.charAt(0) - 'A';
        } else if (modulus <= 36) {
            char c = token.charAt(0);
            v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
        } else {
            v = Integer.parseInt(token.substring(1, token.length() - 1));
        }
        if (token.length() != 1 && modulus <= 36 || v < 0 || v >= modulus) {
            throw new AssertionError("'" + token + "' is no element of 0.." + (modulus - 1));
        }
        return v;
    }

    private static boolean isVariable(String token) {
        char c = token.charAt(0);
        return token.length() == 1 && c >= 'a' && c <= 'z' && c != 's' && c != 'e';
    }

    /** Reads {@code s<bindings>;<query>=} and, when present, the answer and {@code e} after it. */
    Reading read(String text) {
        List<String> t = tokens(text);
        if (!t.get(0).equals("s")) {
            throw new AssertionError(text + ": does not start with s");
        }
        int pos = 1;
        Map<Character, Integer> bound = new LinkedHashMap<>();
        Set<Character> chained = new LinkedHashSet<>();
        int semicolon = t.indexOf(";");
        if (semicolon >= 0) {
            while (pos < semicolon) {
                String v = t.get(pos);
                if (!isVariable(v) || !t.get(pos + 1).equals("=")) {
                    throw new AssertionError(text + ": a binding at token " + pos + " is not 'variable=...'");
                }
                String target = t.get(pos + 2);
                int value;
                if (isVariable(target)) {
                    Integer source = bound.get(target.charAt(0));
                    if (source == null) {
                        throw new AssertionError(text + ": " + v + " is bound to " + target + ", which is not bound before it");
                    }
                    if (chained.contains(target.charAt(0))) {
                        throw new AssertionError(text + ": more than two hops");
                    }
                    chained.add(v.charAt(0));
                    value = source;
                } else {
                    value = element(target);
                }
                if (bound.put(v.charAt(0), value) != null) {
                    throw new AssertionError(text + ": " + v + " is bound twice");
                }
                String separator = t.get(pos + 3);
                pos += 4;
                if (!(separator.equals(",") && pos < semicolon || separator.equals(";") && pos == semicolon + 1)) {
                    throw new AssertionError(text + ": bindings are separated by ',' and end with ';'");
                }
            }
        }
        int equals = t.lastIndexOf("=");
        List<String> query = t.subList(pos, equals);
        Set<Character> reads = new LinkedHashSet<>();
        int sum = 0;
        int operands = 0;
        for (int i = 0; i < query.size(); i++) {
            String q = query.get(i);
            if (i % 2 == 1) {
                if (!q.equals("+")) {
                    throw new AssertionError(text + ": operands are joined by +");
                }
                continue;
            }
            operands++;
            if (isVariable(q)) {
                Integer value = bound.get(q.charAt(0));
                if (value == null) {
                    throw new AssertionError(text + ": the query reads " + q + ", which is not bound");
                }
                reads.add(q.charAt(0));
                sum += value;
            } else {
                sum += element(q);
            }
        }
        int written = -1;
        if (equals + 1 < t.size()) {
            if (equals + 3 != t.size() || !t.get(equals + 2).equals("e")) {
                throw new AssertionError(text + ": the completion is the answer and e");
            }
            written = element(t.get(equals + 1));
        }
        return new Reading(bound, chained, reads, operands, sum % modulus, written);
    }
}
