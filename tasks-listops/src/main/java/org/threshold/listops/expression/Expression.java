package org.threshold.listops.expression;

import java.util.List;

/**
 * A nested expression: an element, or an operator applied to operands that are expressions
 * (SPEC section 1, the "ListOps formalism"). Written by {@link Notation#render(Expression)} as
 * {@code (+3(-749))}.
 */
public sealed interface Expression permits Expression.Element, Expression.Application {

    /** The exact value. */
    int evaluate();

    /** Nesting level: 0 for an element, 1 for an application of elements, and so on. */
    int depth();

    /** An element of the algebra. */
    record Element(int value) implements Expression {

        public Element {
            if (value < 0) {
                throw new IllegalArgumentException("elements are 0..n-1, got " + value);
            }
        }

        @Override
        public int evaluate() {
            return value;
        }

        @Override
        public int depth() {
            return 0;
        }
    }

    /** An operator applied to its operands, left to right. */
    record Application(Operator operator, List<Expression> operands) implements Expression {

        public Application {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException(operator.name() + " needs at least one operand");
            }
        }

        public Application(Operator operator, Expression... operands) {
            this(operator, List.of(operands));
        }

        @Override
        public int evaluate() {
            int[] values = new int[operands.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = operands.get(i).evaluate();
            }
            return operator.evaluate(values);
        }

        @Override
        public int depth() {
            int deepest = 0;
            for (Expression e : operands) {
                deepest = Math.max(deepest, e.depth());
            }
            return deepest + 1;
        }
    }
}
