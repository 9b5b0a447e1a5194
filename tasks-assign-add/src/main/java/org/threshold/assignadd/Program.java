package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One example before it is written as tokens: its assignments, in order, and its query (SPEC
 * section 8). {@code sa=3,b=a;b+5=} is the bindings {@code a=3}, {@code b=a} and the query
 * {@code b + 5}; its answer is 8 (mod n).
 *
 * @param kind what the query asks
 * @param bindings the assignments, in the order they are written; every variable at most once
 * @param query one operand (a lookup) or two (a sum)
 */
public record Program(QueryKind kind, List<Binding> bindings, List<Operand> query) {

    public Program {
        bindings = List.copyOf(bindings);
        query = List.copyOf(query);
        Map<Integer, Binding> bound = new LinkedHashMap<>();
        for (Binding b : bindings) {
            if (b.chained()) {
                Binding source = bound.get(b.target().index());
                if (source == null) {
                    throw new IllegalArgumentException("variable " + b.variable() + " is bound to variable " + b.target().index()
                            + ", which is not bound before it");
                }
                if (source.chained()) {
                    throw new IllegalArgumentException("a chain has two hops: variable " + b.variable()
                            + " is bound to a variable that is itself bound to a variable");
                }
            }
            if (bound.put(b.variable(), b) != null) {
                throw new IllegalArgumentException("variable " + b.variable() + " is bound twice");
            }
        }
        if (query.isEmpty() || query.size() > 2) {
            throw new IllegalArgumentException("a query has one or two operands, got " + query.size());
        }
        for (Operand o : query) {
            if (o.variable() && !bound.containsKey(o.index())) {
                throw new IllegalArgumentException("the query reads variable " + o.index() + ", which is not bound");
            }
        }
        boolean readsVariable = query.stream().anyMatch(Operand::variable);
        boolean readsChain = query.stream().anyMatch(o -> o.variable() && bound.get(o.index()).chained());
        boolean chains = bindings.stream().anyMatch(Binding::chained);
        switch (kind) {
            case DIRECT -> require(bindings.isEmpty() && query.size() == 2 && !readsVariable, kind,
                    "has no bindings and adds two elements");
            case LOOKUP -> require(query.size() == 1 && readsVariable && !chains, kind,
                    "reads one variable bound to an element");
            case ROUTED -> require(query.size() == 2 && readsVariable && !chains, kind,
                    "adds two operands, at least one a variable, all bound to elements");
            case CHAIN -> require(query.size() == 2 && readsChain, kind, "adds two operands, one a variable bound to a variable");
        }
    }

    private static void require(boolean holds, QueryKind kind, String what) {
        if (!holds) {
            throw new IllegalArgumentException("a " + kind.word() + " query " + what);
        }
    }

    /** The value a bound variable holds: its element, or, bound to a variable, that variable's value. */
    public int resolved(int variable) {
        for (Binding b : bindings) {
            if (b.variable() == variable) {
                return b.chained() ? resolved(b.target().index()) : b.target().index();
            }
        }
        throw new IllegalArgumentException("variable " + variable + " is not bound");
    }

    /** The value of an operand: an element's, or a variable's resolved value. */
    public int value(Operand operand) {
        return operand.variable() ? resolved(operand.index()) : operand.index();
    }

    /** The answer: the looked-up value, or the sum mod {@code modulus}. */
    public int answer(int modulus) {
        int sum = 0;
        for (Operand o : query) {
            sum = (sum + value(o)) % modulus;
        }
        return sum;
    }

    /** Every bound variable with its resolved value, in binding order: the (variable, value) pairs the split is about. */
    public Map<Integer, Integer> boundValues() {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (Binding b : bindings) {
            out.put(b.variable(), resolved(b.variable()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The variables the query reads, each once, in query order. */
    public Set<Integer> reads() {
        Set<Integer> out = new LinkedHashSet<>();
        for (Operand o : query) {
            if (o.variable()) {
                out.add(o.index());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The variables bound, in binding order. */
    public List<Integer> variables() {
        List<Integer> out = new ArrayList<>(bindings.size());
        bindings.forEach(b -> out.add(b.variable()));
        return out;
    }
}
