package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws examples of each query kind (SPEC section 8), in distribution (every binding a training
 * pair of the split) or held out (the query reads exactly one variable bound to one of its
 * held-out values; every other binding is a training pair).
 *
 * <p>An example binds k distinct variables, k uniform in the bindings range, in random order, each
 * to a value uniform among those it may hold. A lookup reads one of them; a routed query adds two
 * of them ({@code a+b}) or one and a uniform element ({@code a+5}), each form half the time; a
 * chain binds one variable to another bound before it ({@code b=a}: two hops, the source bound to
 * a value both may hold) and adds the chained variable to an element or to another bound variable,
 * in either order.
 */
final class ProgramGenerator {

    private final CompositionalSplit split;
    private final int minBindings;
    private final int maxBindings;
    private final int[][] chainPairs; // (source, chained) pairs that share a training value

    ProgramGenerator(CompositionalSplit split, int minBindings, int maxBindings) {
        if (minBindings < 2 || maxBindings < minBindings || maxBindings > split.variables()) {
            throw new IllegalArgumentException("bindings is a range [min, max] with 2 <= min <= max <= variables ("
                    + split.variables() + "), got [" + minBindings + ", " + maxBindings + "]");
        }
        if (split.problem().isPresent()) {
            throw new IllegalArgumentException(split.problem().get());
        }
        this.split = split;
        this.minBindings = minBindings;
        this.maxBindings = maxBindings;
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < split.variables(); a++) {
            for (int b = 0; b < split.variables(); b++) {
                if (a != b && split.sharedTrainingValues(a, b) > 0) {
                    pairs.add(new int[] {a, b});
                }
            }
        }
        this.chainPairs = pairs.toArray(new int[0][]);
    }

    /** {@code sx+y=}. */
    Program direct(int x, int y) {
        return new Program(QueryKind.DIRECT, List.of(), List.of(Operand.element(x), Operand.element(y)));
    }

    /** An in-distribution example of {@code kind}; a direct one has uniform elements. */
    Program draw(QueryKind kind, SplittableRandom rng) {
        return switch (kind) {
            case DIRECT -> direct(rng.nextInt(split.modulus()), rng.nextInt(split.modulus()));
            case LOOKUP -> lookup(rng, false);
            case ROUTED -> routed(rng, false);
            case CHAIN -> chain(rng);
        };
    }

    /**
     * {@code sa=3,b=5;b=}: the value of one of k bound variables.
     *
     * @param heldOut whether the read variable holds one of its held-out values
     */
    Program lookup(SplittableRandom rng, boolean heldOut) {
        int[] vars = distinctVariables(rng, bindings(rng));
        int read = rng.nextInt(vars.length);
        List<Binding> bindings = new ArrayList<>(vars.length);
        for (int i = 0; i < vars.length; i++) {
            bindings.add(Binding.toValue(vars[i], heldOut && i == read ? heldOutValue(rng, vars[i]) : trainingValue(rng, vars[i])));
        }
        return new Program(QueryKind.LOOKUP, bindings, List.of(Operand.variable(vars[read])));
    }

    /**
     * {@code sa=3,b=5;a+b=} or {@code sa=3,b=5;a+5=}.
     *
     * @param heldOut whether one of the read variables (chosen uniformly) holds one of its held-out values
     */
    Program routed(SplittableRandom rng, boolean heldOut) {
        int[] vars = distinctVariables(rng, bindings(rng));
        int first = rng.nextInt(vars.length);
        boolean twoVariables = rng.nextBoolean();
        int second = -1;
        if (twoVariables) {
            second = rng.nextInt(vars.length - 1);
            if (second >= first) {
                second++;
            }
        }
        int held = !heldOut ? -1 : twoVariables && rng.nextBoolean() ? second : first;
        List<Binding> bindings = new ArrayList<>(vars.length);
        for (int i = 0; i < vars.length; i++) {
            bindings.add(Binding.toValue(vars[i], i == held ? heldOutValue(rng, vars[i]) : trainingValue(rng, vars[i])));
        }
        Operand other = twoVariables ? Operand.variable(vars[second]) : Operand.element(rng.nextInt(split.modulus()));
        return new Program(QueryKind.ROUTED, bindings, List.of(Operand.variable(vars[first]), other));
    }

    /** {@code sa=3,b=a;b+5=} or {@code sa=3,b=a,c=4;c+b=}: always in distribution (a chained variable binds its resolved value). */
    Program chain(SplittableRandom rng) {
        int[] pair = chainPairs[rng.nextInt(chainPairs.length)];
        int source = pair[0];
        int chained = pair[1];
        int k = bindings(rng);
        // the other k - 2 variables, distinct from the pair, then every variable at a random place
        int[] others = new int[split.variables() - 2];
        for (int i = 0, j = 0; i < split.variables(); i++) {
            if (i != source && i != chained) {
                others[j++] = i;
            }
        }
        shuffleStart(rng, others, k - 2);
        int[] vars = new int[k];
        vars[0] = source;
        vars[1] = chained;
        System.arraycopy(others, 0, vars, 2, k - 2);
        shuffleStart(rng, vars, k);
        int sourceAt = indexOf(vars, source);
        int chainedAt = indexOf(vars, chained);
        if (sourceAt > chainedAt) { // the source is bound first
            vars[sourceAt] = chained;
            vars[chainedAt] = source;
        }
        int value = sharedValue(rng, source, chained);
        List<Binding> bindings = new ArrayList<>(k);
        for (int v : vars) {
            bindings.add(v == source ? Binding.toValue(v, value) : v == chained ? Binding.toVariable(v, source)
                    : Binding.toValue(v, trainingValue(rng, v)));
        }
        Operand read = Operand.variable(chained);
        List<Operand> query;
        if (rng.nextBoolean()) {
            query = List.of(read, Operand.element(rng.nextInt(split.modulus())));
        } else {
            int other = vars[rng.nextInt(k - 1)];
            if (other == chained) {
                other = vars[k - 1];
            }
            query = rng.nextBoolean() ? List.of(read, Operand.variable(other)) : List.of(Operand.variable(other), read);
        }
        return new Program(QueryKind.CHAIN, bindings, query);
    }

    private int bindings(SplittableRandom rng) {
        return minBindings + rng.nextInt(maxBindings - minBindings + 1);
    }

    private int[] distinctVariables(SplittableRandom rng, int k) {
        int[] all = new int[split.variables()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        shuffleStart(rng, all, k);
        int[] out = new int[k];
        System.arraycopy(all, 0, out, 0, k);
        return out;
    }

    /** Fisher–Yates over the first {@code k} places: they become a uniform sample of the array, in random order. */
    private static void shuffleStart(SplittableRandom rng, int[] a, int k) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException(v + " is not in the array");
    }

    private int trainingValue(SplittableRandom rng, int variable) {
        return split.trainingValue(variable, rng.nextInt(split.trainingCount(variable)));
    }

    private int heldOutValue(SplittableRandom rng, int variable) {
        return split.heldOutValue(variable, rng.nextInt(split.heldOutCount(variable)));
    }

    private int sharedValue(SplittableRandom rng, int a, int b) {
        int pick = rng.nextInt(split.sharedTrainingValues(a, b));
        for (int x = 0; x < split.modulus(); x++) {
            if (!split.isHeldOut(a, x) && !split.isHeldOut(b, x) && pick-- == 0) {
                return x;
            }
        }
        throw new IllegalStateException("no shared value");
    }
}
