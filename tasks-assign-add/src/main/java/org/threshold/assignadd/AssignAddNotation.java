package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.List;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Example;
import org.threshold.api.task.Vocabulary;

/**
 * SPEC section 8's text form, every element, variable and sign one token:
 *
 * <pre>
 *   direct   s3+5=8e
 *   lookup   sa=3,b=5;b=5e
 *   routed   sa=3,b=5;a+b=8e      sa=3,b=5;a+5=8e
 *   chain    sa=3,b=a;b+5=8e
 * </pre>
 *
 * {@code s} starts an example, bindings are separated by {@code ,} and end with {@code ;} (a
 * direct query has none, and no {@code ;}), the prompt ends with the {@code =} of the query, and
 * the completion is the answer and {@code e}.
 *
 * <p>Elements {@code 0..n-1} use SPEC section 2's tokens: {@code 0-9} up to n = 10, {@code A-Z} up
 * to 26, {@code 0-9A-Z} up to 36, {@code <k>} above. Variables are lowercase letters other than
 * {@code s} and {@code e}: {@code a b c d f g h i j k l m n o p q r t u v w x y z}, at most 24.
 * Token ids: the elements are ids {@code 0..n-1}, then the variables in that order, then
 * {@code s e = + , ;} and {@code <pad>}.
 */
public final class AssignAddNotation {

    public static final String START = "s";
    public static final String END = "e";
    public static final String EQUALS = "=";
    public static final String PLUS = "+";
    public static final String COMMA = ",";
    public static final String SEMICOLON = ";";
    public static final String PAD = "<pad>";
    /** The variables' letters in index order: lowercase without {@code s} and {@code e}, which start and end an example. */
    public static final String VARIABLE_LETTERS = "abcdfghijklmnopqrtuvwxyz";
    public static final int MAX_VARIABLES = VARIABLE_LETTERS.length();

    private final int modulus;
    private final int variables;
    private final Vocabulary vocabulary;

    /**
     * @param modulus n, the number of elements
     * @param variables how many variable tokens, at most {@link #MAX_VARIABLES}
     */
    public AssignAddNotation(int modulus, int variables) {
        if (modulus < 2) {
            throw new IllegalArgumentException("the modulus is at least 2, got " + modulus);
        }
        if (variables < 1 || variables > MAX_VARIABLES) {
            throw new IllegalArgumentException("variables is from 1 to " + MAX_VARIABLES + ", got " + variables);
        }
        this.modulus = modulus;
        this.variables = variables;
        List<String> tokens = new ArrayList<>(modulus + variables + 7);
        for (int v = 0; v < modulus; v++) {
            tokens.add(elementToken(v, modulus));
        }
        for (int i = 0; i < variables; i++) {
            tokens.add(variableToken(i));
        }
        tokens.addAll(List.of(START, END, EQUALS, PLUS, COMMA, SEMICOLON, PAD));
        this.vocabulary = new Vocabulary(tokens, PAD, "");
    }

    /** SPEC section 2's token for element {@code value} of {@code 0..n-1}. */
    public static String elementToken(int value, int n) {
        if (value < 0 || value >= n) {
            throw new IllegalArgumentException("element " + value + " is outside 0.." + (n - 1));
        }
        if (n <= 10) {
            return String.valueOf((char) ('0' + value));
        }
        if (n <= 26) {
            return String.valueOf((char) ('A' + value));
        }
        if (n <= 36) {
            return value < 10 ? String.valueOf((char) ('0' + value)) : String.valueOf((char) ('A' + value - 10));
        }
        return "<" + value + ">";
    }

    /** The letter of variable {@code index} ({@code a}, {@code b}, {@code c}, {@code d}, {@code f}, …). */
    public static String variableToken(int index) {
        if (index < 0 || index >= MAX_VARIABLES) {
            throw new IllegalArgumentException("variable " + index + " is outside 0.." + (MAX_VARIABLES - 1));
        }
        return String.valueOf(VARIABLE_LETTERS.charAt(index));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public int modulus() {
        return modulus;
    }

    public int variables() {
        return variables;
    }

    public int elementId(int value) {
        if (value < 0 || value >= modulus) {
            throw new IllegalArgumentException("element " + value + " is outside 0.." + (modulus - 1));
        }
        return value;
    }

    public int variableId(int index) {
        if (index < 0 || index >= variables) {
            throw new IllegalArgumentException("variable " + index + " is outside 0.." + (variables - 1));
        }
        return modulus + index;
    }

    public int startId() {
        return modulus + variables;
    }

    public int endId() {
        return startId() + 1;
    }

    public int equalsId() {
        return startId() + 2;
    }

    public int plusId() {
        return startId() + 3;
    }

    public int commaId() {
        return startId() + 4;
    }

    public int semicolonId() {
        return startId() + 5;
    }

    /** The longest example with at most {@code maxBindings} bindings: {@code s}, 4 tokens a binding, {@code ;}, {@code a+b=}, answer, {@code e}. */
    public static int contextLength(int maxBindings) {
        return 4 * maxBindings + 7;
    }

    /** Everything up to and including the query's {@code =}. */
    public int[] prompt(Program program) {
        List<Integer> out = new ArrayList<>();
        out.add(startId());
        List<Binding> bindings = program.bindings();
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            out.add(variableId(b.variable()));
            out.add(equalsId());
            out.add(operand(b.target()));
            out.add(i + 1 < bindings.size() ? commaId() : semicolonId());
        }
        List<Operand> query = program.query();
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) {
                out.add(plusId());
            }
            out.add(operand(query.get(i)));
        }
        out.add(equalsId());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The answer's token and {@code e}. */
    public int[] completion(Program program) {
        return new int[] {elementId(program.answer(modulus)), endId()};
    }

    /** The whole example; the loss's completion starts at the answer. */
    public Example example(Program program) {
        int[] prompt = prompt(program);
        int[] completion = completion(program);
        int[] tokens = new int[prompt.length + completion.length];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(completion, 0, tokens, prompt.length, completion.length);
        return new Example(tokens, prompt.length);
    }

    /** The test prompt and its expected completion; generation may write the answer and {@code e}. */
    public EvalItem item(Program program) {
        int[] completion = completion(program);
        return new EvalItem(prompt(program), completion, completion.length);
    }

    private int operand(Operand o) {
        return o.variable() ? variableId(o.index()) : elementId(o.index());
    }
}
