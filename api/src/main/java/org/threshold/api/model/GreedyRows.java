package org.threshold.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A batch of prompts being continued greedily: each row's whole sequence so far, what it
 * generated, and whether it is finished (stop token produced or {@code maxNewTokens} reached).
 */
public final class GreedyRows {

    private final int[][] sequences;
    private final int[] lengths;
    private final int[] generated;
    private final boolean[] done;
    private final int maxNewTokens;
    private final OptionalInt stopToken;

    /**
     * @param prompts each at least one token
     */
    public GreedyRows(List<int[]> prompts, int maxNewTokens, OptionalInt stopToken) {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, got " + maxNewTokens);
        }
        int n = prompts.size();
        this.sequences = new int[n][];
        this.lengths = new int[n];
        this.generated = new int[n];
        this.done = new boolean[n];
        this.maxNewTokens = maxNewTokens;
        this.stopToken = stopToken;
        for (int i = 0; i < n; i++) {
            int[] p = prompts.get(i);
            if (p.length == 0) {
                throw new IllegalArgumentException("prompt " + i + " is empty: a prompt needs at least one token");
            }
            sequences[i] = Arrays.copyOf(p, p.length + maxNewTokens);
            lengths[i] = p.length;
            done[i] = maxNewTokens == 0;
        }
    }

    public int size() {
        return sequences.length;
    }

    /** Row {@code row}'s sequence so far: prompt and generated tokens. */
    public int length(int row) {
        return lengths[row];
    }

    public int token(int row, int index) {
        return sequences[row][index];
    }

    /** How many more tokens the row may generate (0 once it is finished). */
    public int remaining(int row) {
        return done[row] ? 0 : maxNewTokens - generated[row];
    }

    public boolean isDone(int row) {
        return done[row];
    }

    public boolean allDone() {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /** Indices of the rows still generating. */
    public int[] activeRows() {
        int[] active = new int[sequences.length];
        int k = 0;
        for (int i = 0; i < done.length; i++) {
            if (!done[i]) {
                active[k++] = i;
            }
        }
        return Arrays.copyOf(active, k);
    }

    /** Appends {@code token} to an unfinished row and finishes it at the stop token or the length limit. */
    public void append(int row, int token) {
        if (done[row]) {
            throw new IllegalStateException("row " + row + " is finished");
        }
        sequences[row][lengths[row]++] = token;
        generated[row]++;
        if (generated[row] == maxNewTokens || (stopToken.isPresent() && stopToken.getAsInt() == token)) {
            done[row] = true;
        }
    }

    /** What each row generated, in row order. */
    public List<int[]> completions() {
        List<int[]> out = new ArrayList<>(sequences.length);
        for (int i = 0; i < sequences.length; i++) {
            out.add(Arrays.copyOfRange(sequences[i], lengths[i] - generated[i], lengths[i]));
        }
        return out;
    }
}
