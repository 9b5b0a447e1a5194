package org.threshold.listops.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.task.Vocabulary;

/**
 * The paper's notation for one algebra and one family of operators (SPEC sections 1 and 2): the
 * fixed vocabulary, token ids, and the translation between {@link Expression} trees and tokens.
 *
 * <p>The vocabulary is, in id order: the structure tokens {@code s e ( ) = >} (ids 0..5), the
 * element tokens (ids {@code 6..6+n-1}, element {@code v} has id {@code 6+v}), one symbol per
 * operator of the family in the family's order, and the padding token {@code <pad>}. It depends
 * on the family, never on which operators a task mixes, so models of one size have one parameter
 * count across mixtures and a checkpoint can move from one mixture to another.
 *
 * <p>Text is the tokens joined without a separator: {@code s(+3(-749))>(+37)>7=7e}.
 */
public final class Notation {

    public static final int START = 0;
    public static final int END = 1;
    public static final int OPEN = 2;
    public static final int CLOSE = 3;
    public static final int EQUALS = 4;
    public static final int STEP = 5;

    /** The structure tokens, in id order. */
    public static final List<String> STRUCTURE = List.of("s", "e", "(", ")", "=", ">");

    public static final String PAD = "<pad>";

    private static final int FIRST_ELEMENT = STRUCTURE.size();

    private final Algebra algebra;
    private final List<Operator> operators;
    private final Map<String, Operator> byName;
    private final Vocabulary vocabulary;
    private final int firstOperator;

    /**
     * @param algebra the elements and their tokens
     * @param operators every operator of the family, whether a task uses it or not, in the
     *     order their symbols take in the vocabulary
     * @throws IllegalArgumentException when two operators share a name or a symbol, or a symbol
     *     is also an element, structure or padding token
     */
    public Notation(Algebra algebra, List<Operator> operators) {
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("a notation needs at least one operator");
        }
        this.algebra = algebra;
        this.operators = List.copyOf(operators);
        Map<String, String> owner = new HashMap<>();
        for (String t : STRUCTURE) {
            owner.put(t, "the structure token '" + t + "'");
        }
        for (int v = 0; v < algebra.size(); v++) {
            String previous = owner.putIfAbsent(algebra.token(v), "element " + v);
            if (previous != null) {
                throw new IllegalArgumentException("element " + v + " is written '" + algebra.token(v)
                        + "', which is already " + previous);
            }
        }
        owner.putIfAbsent(PAD, "the padding token");
        if (owner.get(PAD).startsWith("element")) {
            throw new IllegalArgumentException("'" + PAD + "' is reserved for padding, but is " + owner.get(PAD));
        }
        Map<String, Operator> names = new HashMap<>();
        for (Operator op : this.operators) {
            String symbol = op.symbol();
            if (symbol == null || symbol.isEmpty()) {
                throw new IllegalArgumentException("operator " + op.name() + " has no symbol");
            }
            String previous = owner.putIfAbsent(symbol, "the symbol of " + op.name());
            if (previous != null) {
                throw new IllegalArgumentException("operator symbol clash: " + op.name() + " is written '" + symbol
                        + "', which is already " + previous + "; give it another symbol");
            }
            if (names.putIfAbsent(op.name(), op) != null) {
                throw new IllegalArgumentException("two operators are named " + op.name());
            }
        }
        this.byName = Map.copyOf(names);
        List<String> tokens = new ArrayList<>(STRUCTURE);
        tokens.addAll(algebra.tokens());
        this.firstOperator = tokens.size();
        for (Operator op : this.operators) {
            tokens.add(op.symbol());
        }
        tokens.add(PAD);
        this.vocabulary = new Vocabulary(tokens, PAD, "");
    }

    public Algebra algebra() {
        return algebra;
    }

    /** Number of elements. */
    public int size() {
        return algebra.size();
    }

    /** Every operator of the family, in vocabulary order. */
    public List<Operator> operators() {
        return operators;
    }

    public Optional<Operator> operator(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Token id of element {@code value}. */
    public int elementToken(int value) {
        if (value < 0 || value >= algebra.size()) {
            throw new IllegalArgumentException("element " + value + " is outside 0.." + (algebra.size() - 1));
        }
        return FIRST_ELEMENT + value;
    }

    public boolean isElement(int token) {
        return token >= FIRST_ELEMENT && token < firstOperator;
    }

    /** The element a token id stands for; the caller has checked {@link #isElement(int)}. */
    public int value(int token) {
        return token - FIRST_ELEMENT;
    }

    /** Token id of the operator at {@code index} in {@link #operators()}. */
    public int operatorToken(int index) {
        if (index < 0 || index >= operators.size()) {
            throw new IllegalArgumentException("operator index " + index + " is outside 0.." + (operators.size() - 1));
        }
        return firstOperator + index;
    }

    /** Token id of an operator of this family. */
    public int operatorToken(Operator op) {
        return operatorToken(indexOf(op));
    }

    public boolean isOperator(int token) {
        return token >= firstOperator && token < firstOperator + operators.size();
    }

    /** Position in {@link #operators()} of an operator token; the caller has checked {@link #isOperator(int)}. */
    public int operatorIndex(int token) {
        return token - firstOperator;
    }

    /** Position of {@code op} in {@link #operators()}. */
    public int indexOf(Operator op) {
        for (int i = 0; i < operators.size(); i++) {
            if (operators.get(i) == op) {
                return i;
            }
        }
        throw new IllegalArgumentException("operator " + op.name() + " is not one of this notation's " + names());
    }

    /** The tokens of an expression, e.g. {@code (%12(%34))}. */
    public int[] render(Expression expression) {
        List<Integer> out = new ArrayList<>();
        render(expression, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void render(Expression e, List<Integer> out) {
        if (e instanceof Expression.Element el) {
            out.add(elementToken(el.value()));
        } else if (e instanceof Expression.Application app) {
            out.add(OPEN);
            out.add(operatorToken(app.operator()));
            for (Expression operand : app.operands()) {
                render(operand, out);
            }
            out.add(CLOSE);
        }
    }

    /**
     * The expression written by {@code tokens[from..to)}: an element or a parenthesised
     * application whose operands are written without separators.
     *
     * @throws IllegalArgumentException naming the position where the tokens stop making sense
     */
    public Expression parse(int[] tokens, int from, int to) {
        int[] at = {from};
        Expression e = parseAt(tokens, at, to);
        if (at[0] != to) {
            throw new IllegalArgumentException("unexpected '" + vocabulary.token(tokens[at[0]]) + "' at token " + (at[0] - from + 1)
                    + " after a complete expression");
        }
        return e;
    }

    /** The expression written by all of {@code tokens}. */
    public Expression parse(int[] tokens) {
        return parse(tokens, 0, tokens.length);
    }

    /** The expression written by a text such as {@code (%12(%34))}. */
    public Expression parse(String text) {
        return parse(vocabulary.parse(text));
    }

    private Expression parseAt(int[] tokens, int[] at, int to) {
        if (at[0] >= to) {
            throw new IllegalArgumentException("the expression ends early: an element or '(' is missing at token " + (at[0] + 1));
        }
        int t = tokens[at[0]];
        if (isElement(t)) {
            at[0]++;
            return new Expression.Element(value(t));
        }
        if (t != OPEN) {
            throw new IllegalArgumentException("expected an element or '(' at token " + (at[0] + 1) + ", found '" + vocabulary.token(t) + "'");
        }
        at[0]++;
        if (at[0] >= to || !isOperator(tokens[at[0]])) {
            throw new IllegalArgumentException("expected an operator symbol after '(' at token " + (at[0] + 1));
        }
        Operator op = operators.get(operatorIndex(tokens[at[0]]));
        at[0]++;
        List<Expression> operands = new ArrayList<>();
        while (at[0] < to && tokens[at[0]] != CLOSE) {
            operands.add(parseAt(tokens, at, to));
        }
        if (at[0] >= to) {
            throw new IllegalArgumentException("a ')' is missing at the end");
        }
        at[0]++;
        if (operands.isEmpty()) {
            throw new IllegalArgumentException("(" + op.symbol() + ") has no operands");
        }
        return new Expression.Application(op, operands);
    }

    /** Text of a token sequence. */
    public String text(int[] tokens) {
        return vocabulary.render(tokens);
    }

    /** Text of an expression. */
    public String text(Expression expression) {
        return text(render(expression));
    }

    private List<String> names() {
        return operators.stream().map(Operator::name).toList();
    }

    @Override
    public String toString() {
        return "Notation" + names() + " over " + algebra;
    }
}
