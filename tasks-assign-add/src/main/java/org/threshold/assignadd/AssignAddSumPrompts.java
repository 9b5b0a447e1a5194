package org.threshold.assignadd;

import java.util.List;
import org.threshold.api.task.SumPrompts;

/**
 * The direct and routed prompts of one sum (SPEC section 8's component reuse): {@code sx+y=} and
 * {@code su=x,w=y;u+w=}, where u is the first variable (in index order) that may hold x in
 * training and w the first other one that may hold y, so that the routed prompt is in
 * distribution and only the route differs; when the split leaves no such pair, {@code a} and
 * {@code b}.
 */
final class AssignAddSumPrompts implements SumPrompts {

    private final AssignAddNotation notation;
    private final CompositionalSplit split;

    AssignAddSumPrompts(AssignAddNotation notation, CompositionalSplit split) {
        this.notation = notation;
        this.split = split;
    }

    @Override
    public int modulus() {
        return notation.modulus();
    }

    @Override
    public int elementId(int value) {
        return notation.elementId(value);
    }

    @Override
    public int[] direct(int x, int y) {
        List<Operand> query = List.of(Operand.element(value(x)), Operand.element(value(y)));
        return notation.prompt(new Program(QueryKind.DIRECT, List.of(), query));
    }

    @Override
    public int[] routed(int x, int y) {
        int[] uw = variables(value(x), value(y));
        return notation.prompt(new Program(QueryKind.ROUTED, List.of(Binding.toValue(uw[0], x), Binding.toValue(uw[1], y)),
                List.of(Operand.variable(uw[0]), Operand.variable(uw[1]))));
    }

    private int[] variables(int x, int y) {
        for (int u = 0; u < split.variables(); u++) {
            if (split.isHeldOut(u, x)) {
                continue;
            }
            for (int w = 0; w < split.variables(); w++) {
                if (w != u && !split.isHeldOut(w, y)) {
                    return new int[] {u, w};
                }
            }
        }
        return new int[] {0, 1};
    }

    private int value(int v) {
        if (v < 0 || v >= notation.modulus()) {
            throw new IllegalArgumentException("element " + v + " is outside 0.." + (notation.modulus() - 1));
        }
        return v;
    }
}
