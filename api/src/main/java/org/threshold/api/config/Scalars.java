package org.threshold.api.config;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How scalars are read as numbers and booleans, stricter than YAML 1.1 so that nothing a user
 * writes silently means something else: integers are decimal ({@code 010} is not octal 8),
 * booleans are {@code true}/{@code false} ({@code yes}, {@code no}, {@code on}, {@code off} are
 * errors, not booleans), quoted values are text, and numbers are read exactly (BigDecimal) so a
 * range check sees a 26-digit integer as too large instead of an overflowed long. Underscores
 * between digits are allowed for readability ({@code 45_000}).
 */
final class Scalars {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DIGIT_SEPARATOR = Pattern.compile("(?<=\\d)_(?=\\d)");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0\\d.*");
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Set<String> YAML11_BOOLEANS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
            "off", "Off", "OFF", "y", "Y", "n", "N");
    private static final int MAX_SHOWN = 60;

    private Scalars() {
    }

    /** A value read from a node, or (when {@code value} is null) what was found instead. */
    record Read<T>(T value, String found) {

        static <T> Read<T> of(T value) {
            return new Read<>(value, "");
        }

        static <T> Read<T> miss(String found) {
            return new Read<>(null, found);
        }

        boolean ok() {
            return value != null;
        }
    }

    static Read<BigDecimal> decimal(ConfigNode node) {
        if (!(node instanceof ConfigNode.Scalar s) || s.isNull() || !s.plain()) {
            return Read.miss(found(node));
        }
        String cleaned = DIGIT_SEPARATOR.matcher(s.text()).replaceAll("");
        if (!NUMBER.matcher(cleaned).matches()) {
            return Read.miss(found(node));
        }
        if (LEADING_ZERO.matcher(cleaned).matches()) {
            return Read.miss(quote(s.text()) + " (a leading zero makes it octal in YAML 1.1; write the number without it)");
        }
        try {
            return Read.of(new BigDecimal(cleaned));
        } catch (NumberFormatException e) {
            // An exponent beyond what BigDecimal holds, e.g. 1e99999999999.
            return Read.miss(found(node));
        }
    }

    static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    static Read<Boolean> bool(ConfigNode node) {
        if (node instanceof ConfigNode.Scalar s && s.plain()) {
            if (TRUE.contains(s.text())) {
                return Read.of(true);
            }
            if (FALSE.contains(s.text())) {
                return Read.of(false);
            }
            if (YAML11_BOOLEANS.contains(s.text())) {
                return Read.miss(quote(s.text()) + " (YAML 1.1 reads yes/no/on/off as booleans; write true or false)");
            }
        }
        return Read.miss(found(node));
    }

    /** What a node is, for "found ...": {@code 'two'}, {@code quoted text '10'}, {@code a list}. */
    static String found(ConfigNode node) {
        if (node instanceof ConfigNode.Scalar s) {
            if (s.isNull()) {
                return "nothing (null)";
            }
            return s.plain() ? quote(s.text()) : "quoted text " + quote(s.text());
        }
        return node.describe();
    }

    static String quote(String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return "'" + shown.replace("\n", "\\n") + "'";
    }

    static String integerRange(long min, long max, long lowest, long highest) {
        if (min <= lowest && max >= highest) {
            return "an integer";
        }
        if (max >= highest) {
            return "an integer >= " + min;
        }
        if (min <= lowest) {
            return "an integer <= " + max;
        }
        return "an integer from " + min + " to " + max;
    }

    static String numberRange(double min, double max) {
        boolean noMin = min <= -Double.MAX_VALUE;
        boolean noMax = max >= Double.MAX_VALUE;
        if (noMin && noMax) {
            return "a number";
        }
        if (noMax) {
            return "a number >= " + show(min);
        }
        if (noMin) {
            return "a number <= " + show(max);
        }
        return "a number from " + show(min) + " to " + show(max);
    }

    /** A double as a user would write it: 10 rather than 10.0, 1.0E-9 as Java prints it. */
    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
