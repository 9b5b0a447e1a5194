package org.threshold.analysis.probe;

import java.util.ArrayList;
import java.util.List;
import org.threshold.api.task.SumPrompts;

/**
 * Component reuse (SPEC section 8): does the MLP that adds two elements in the direct prompt
 * {@code sx+y=} also add them when they come through variables ({@code sa=x,b=y;a+b=})?
 *
 * <p>Per layer that has an MLP (a layer without one has a zero {@code hook_mlp_out} at every
 * prompt, and is listed apart): (1) the cosine similarity of the MLP output at the answer position
 * between the direct and the routed prompt of the same (x, y), beside the control, the direct
 * prompt of the pair's donor (x', y', another sum) against the same routed prompt; (2) the routed
 * prompt with that layer's MLP output at the answer position replaced by the donor's direct one:
 * the share of answers that are the donor's sum, the original sum, or neither, against chance 1/n.
 *
 * @param modulus n; chance is 1/n
 * @param pairs how many (x, y) pairs were asked
 * @param directAccuracy the share of direct prompts answered with their sum, unpatched
 * @param routedAccuracy the share of routed prompts answered with their sum, unpatched
 * @param layers per layer with an MLP, in layer order
 * @param withoutMlp the layers whose MLP output is zero at every prompt (no MLP)
 */
record ComponentReuse(int modulus, int pairs, double directAccuracy, double routedAccuracy, List<Layer> layers,
                      List<Integer> withoutMlp) {

    ComponentReuse {
        layers = List.copyOf(layers);
        withoutMlp = List.copyOf(withoutMlp);
    }

    /**
     * One layer's numbers.
     *
     * @param same cosine of direct (x, y) and routed (x, y), per pair in the pairs' order
     * @param control cosine of direct (x', y') and routed (x, y), x' + y' ≢ x + y, per pair
     * @param zeroVectors how many of the compared outputs were zero vectors, whose cosine is taken as 0
     * @param patched the token predicted after each patched routed prompt, per pair
     * @param donor share of patched answers equal to the donor's sum
     * @param original share of patched answers equal to the routed prompt's own sum
     * @param neither the rest (another element, or no element at all)
     */
    record Layer(int layer, double[] same, double[] control, int zeroVectors, int[] patched, double donor, double original,
                 double neither) {

        Spread sameSpread() {
            return Spread.of(same);
        }

        Spread controlSpread() {
            return Spread.of(control);
        }
    }

    double chance() {
        return 1.0 / modulus;
    }

    static ComponentReuse measure(SumPrompts prompts, ReuseReading reading, SumPairs pairs) {
        int n = prompts.modulus();
        if (pairs.modulus() != n) {
            throw new IllegalArgumentException("the pairs are mod " + pairs.modulus() + " but the task's sums mod " + n);
        }
        List<int[]> direct = new ArrayList<>();
        List<int[]> routed = new ArrayList<>();
        List<int[]> donorDirect = new ArrayList<>();
        int[] sums = new int[pairs.size()];
        int[] donorSums = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            int[] p = pairs.pairs().get(i);
            int[] q = pairs.donors().get(i);
            direct.add(prompts.direct(p[0], p[1]));
            routed.add(prompts.routed(p[0], p[1]));
            donorDirect.add(prompts.direct(q[0], q[1]));
            sums[i] = prompts.elementId((p[0] + p[1]) % n);
            donorSums[i] = prompts.elementId((q[0] + q[1]) % n);
        }
        double[][][] mlpDirect = reading.mlpOut(direct);
        double[][][] mlpRouted = reading.mlpOut(routed);
        double[][][] mlpDonor = reading.mlpOut(donorDirect);
        double directAccuracy = share(reading.answers(direct), sums);
        double routedAccuracy = share(reading.answers(routed), sums);

        List<Layer> layers = new ArrayList<>();
        List<Integer> withoutMlp = new ArrayList<>();
        for (int l = 0; l < reading.layers(); l++) {
            if (allZero(mlpDirect, l) && allZero(mlpRouted, l)) {
                withoutMlp.add(l);
                continue;
            }
            double[] same = new double[pairs.size()];
            double[] control = new double[pairs.size()];
            double[][] rows = new double[pairs.size()][];
            int[] zeros = new int[1];
            for (int i = 0; i < pairs.size(); i++) {
                same[i] = cosine(mlpDirect[i][l], mlpRouted[i][l], zeros);
                control[i] = cosine(mlpDonor[i][l], mlpRouted[i][l], zeros);
                rows[i] = mlpDonor[i][l];
            }
            int[] patched = reading.patchedAnswers(routed, l, rows);
            int neither = 0;
            for (int i = 0; i < patched.length; i++) {
                if (patched[i] != sums[i] && patched[i] != donorSums[i]) {
                    neither++;
                }
            }
            layers.add(new Layer(l, same, control, zeros[0], patched, share(patched, donorSums), share(patched, sums),
                    (double) neither / patched.length));
        }
        return new ComponentReuse(n, pairs.size(), directAccuracy, routedAccuracy, layers, withoutMlp);
    }

    /** The cosine similarity of a and b; 0 when either is a zero vector (counted in {@code zeros[0]}). */
    static double cosine(double[] a, double[] b, int[] zeros) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " values");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        if (na == 0 || nb == 0) {
            zeros[0]++;
            return 0;
        }
        // clamped: rounding can put the cosine of parallel vectors a hair outside [-1, 1]
        return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
    }

    private static boolean allZero(double[][][] outputs, int layer) {
        for (double[][] prompt : outputs) {
            for (double v : prompt[layer]) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double share(int[] answers, int[] expected) {
        int hits = 0;
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] == expected[i]) {
                hits++;
            }
        }
        return (double) hits / answers.length;
    }
}
