package org.threshold.assignadd;

/**
 * The four kinds of query of SPEC section 8, each a training component named by its word:
 * <ul>
 *   <li>{@code direct} {@code s3+5=8e}: no bindings, two elements;</li>
 *   <li>{@code lookup} {@code sa=3,b=5;b=5e}: the value of one bound variable;</li>
 *   <li>{@code routed} {@code sa=3,b=5;a+b=8e}: the sum of two bound variables, or of one bound
 *       variable and an element ({@code a+5=});</li>
 *   <li>{@code chain} {@code sa=3,b=a;b+5=8e}: a sum that reads a variable bound to another
 *       variable bound earlier in the same example (two hops).</li>
 * </ul>
 */
public enum QueryKind {

    DIRECT("direct"),
    LOOKUP("lookup"),
    ROUTED("routed"),
    CHAIN("chain");

    private final String word;

    QueryKind(String word) {
        this.word = word;
    }

    /** The component's name, and the name of the kind's in-distribution test set. */
    public String word() {
        return word;
    }
}
