package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPEC section 8's compositional split: with {@code held_out} = f and m = max(1, ⌊f·n⌋), variable
 * i holds out the values (i·m + j) mod n for j = 0..m−1 (2 of 10 by default: {@code a} holds out 0
 * and 1, {@code b} 2 and 3, …, {@code f} (the fifth) 8 and 9, the sixth 0 and 1 again). No training
 * example binds a held-out (variable, resolved value) pair; the held-out test sets bind one in a
 * variable their query reads.
 */
public final class CompositionalSplit {

    private final int modulus;
    private final int variables;
    private final double fraction;
    private final int perVariable;
    private final boolean[][] heldOut; // [variable][value]
    private final int[][] training; // [variable] the values it may be bound to in training, ascending
    private final int[][] held; // [variable] its held-out values, ascending

    /**
     * @param modulus n
     * @param variables v
     * @param fraction f, from 0 to 1
     */
    public CompositionalSplit(int modulus, int variables, double fraction) {
        if (modulus < 2 || variables < 1 || !(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a split needs modulus >= 2, variables >= 1 and held_out in [0, 1]; got " + modulus
                    + ", " + variables + ", " + fraction);
        }
        this.modulus = modulus;
        this.variables = variables;
        this.fraction = fraction;
        this.perVariable = perVariable(modulus, fraction);
        this.heldOut = new boolean[variables][modulus];
        for (int i = 0; i < variables; i++) {
            for (int j = 0; j < perVariable; j++) {
                heldOut[i][(int) (((long) i * perVariable + j) % modulus)] = true;
            }
        }
        this.training = new int[variables][];
        this.held = new int[variables][];
        for (int i = 0; i < variables; i++) {
            List<Integer> in = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int x = 0; x < modulus; x++) {
                (heldOut[i][x] ? out : in).add(x);
            }
            training[i] = in.stream().mapToInt(Integer::intValue).toArray();
            held[i] = out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** m = max(1, ⌊f·n⌋): the values each variable holds out. */
    public static int perVariable(int modulus, double fraction) {
        // a hair of tolerance, so that f = 0.3 and n = 10 give 3 and not 2 through 0.3·10 = 2.9999999999999996
        return Math.max(1, (int) Math.floor(fraction * modulus + 1e-9));
    }

    public int modulus() {
        return modulus;
    }

    public int variables() {
        return variables;
    }

    public int perVariable() {
        return perVariable;
    }

    /** Whether training never binds {@code variable} to {@code value}. */
    public boolean isHeldOut(int variable, int value) {
        return heldOut[variable][value];
    }

    /** The values {@code variable} may hold in training, ascending. */
    public int[] trainingValues(int variable) {
        return training[variable].clone();
    }

    /** The values {@code variable} holds out, ascending. */
    public int[] heldOutValues(int variable) {
        return held[variable].clone();
    }

    int trainingValue(int variable, int k) {
        return training[variable][k];
    }

    int trainingCount(int variable) {
        return training[variable].length;
    }

    int heldOutValue(int variable, int k) {
        return held[variable][k];
    }

    int heldOutCount(int variable) {
        return held[variable].length;
    }

    /** How many training values {@code a} and {@code b} share: a chain {@code b=a} binds both to one value. */
    int sharedTrainingValues(int a, int b) {
        int shared = 0;
        for (int x = 0; x < modulus; x++) {
            if (!heldOut[a][x] && !heldOut[b][x]) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * Why the split cannot be trained, if it cannot: a variable with no training value, a value
     * with no training variable, or no two variables sharing a training value (so no chain can be
     * trained). The message names the keys to change.
     */
    public Optional<String> problem() {
        String setting = String.format(Locale.ROOT, "with modulus %d, %d variables and held_out %s, each variable holds out "
                + "m = max(1, floor(held_out * modulus)) = %d of the %d values", modulus, variables, number(fraction), perVariable,
                modulus);
        if (perVariable >= modulus) {
            return Optional.of(setting + ", so no variable keeps a value to train with; lower held_out");
        }
        for (int x = 0; x < modulus; x++) {
            boolean kept = false;
            for (int i = 0; i < variables && !kept; i++) {
                kept = !heldOut[i][x];
            }
            if (!kept) {
                return Optional.of(setting + ", and every variable holds out the value " + x
                        + ", so no training example binds it; lower held_out or raise variables");
            }
        }
        for (int a = 0; a < variables; a++) {
            for (int b = 0; b < variables; b++) {
                if (a != b && sharedTrainingValues(a, b) > 0) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(setting + ", and no two variables share a value they may hold in training, so no chain "
                + "(b=a binds b to a's value) can be trained; lower held_out or raise variables");
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
