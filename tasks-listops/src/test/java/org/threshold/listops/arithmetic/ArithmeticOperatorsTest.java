package org.threshold.listops.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.listops.expression.Operator;

/**
 * Every ListOps operator against a brute-force reference written differently from the operator
 * (sorting, BigInteger, explicit signs, counting), SPEC section 2.
 */
class ArithmeticOperatorsTest {

    /** The reference value of each operator for modulus n, by definition. */
    private static ToIntFunction<int[]> reference(String name, int n, SumTable table) {
        return switch (name) {
            case "MAX" -> ops -> {
                int[] s = ops.clone();
                java.util.Arrays.sort(s);
                return s[s.length - 1];
            };
            case "MIN" -> ops -> {
                int[] s = ops.clone();
                java.util.Arrays.sort(s);
                return s[0];
            };
            case "MED" -> ops -> {
                // the lower median: the smallest value with at least half of the operands at or below it
                for (int v = 0; v < n; v++) {
                    int atOrBelow = 0;
                    for (int x : ops) {
                        atOrBelow += x <= v ? 1 : 0;
                    }
                    if (2 * atOrBelow >= ops.length) {
                        return v;
                    }
                }
                throw new AssertionError();
            };
            case "SUM" -> ops -> {
                BigInteger sum = BigInteger.ZERO;
                for (int x : ops) {
                    sum = sum.add(BigInteger.valueOf(x));
                }
                return sum.mod(BigInteger.valueOf(n)).intValue();
            };
            case "PROD" -> ops -> {
                BigInteger p = BigInteger.ONE;
                for (int x : ops) {
                    p = p.multiply(BigInteger.valueOf(x));
                }
                return p.mod(BigInteger.valueOf(n)).intValue();
            };
            case "NADD" -> ops -> {
                BigInteger sum = BigInteger.ZERO;
                for (int i = 0; i < ops.length; i++) {
                    BigInteger x = BigInteger.valueOf(ops[i]);
                    sum = i % 2 == 0 ? sum.add(x) : sum.subtract(x);
                }
                return sum.mod(BigInteger.valueOf(n)).intValue(); // BigInteger.mod is never negative
            };
            case "SSUM" -> ops -> {
                IntBinaryOperator t = table::get;
                int acc = ops[0];
                for (int i = 1; i < ops.length; i++) {
                    acc = t.applyAsInt(acc, ops[i]);
                }
                return acc;
            };
            default -> throw new AssertionError(name);
        };
    }

    /** Every tuple of 1 to 4 operands over 0..n-1. */
    private static List<int[]> everyTuple(int n, int maxLength) {
        List<int[]> out = new ArrayList<>();
        for (int length = 1; length <= maxLength; length++) {
            int[] t = new int[length];
            while (true) {
                out.add(t.clone());
                int i = length - 1;
                while (i >= 0 && ++t[i] == n) {
                    t[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void everyOperatorMatchesTheReferenceForEveryTupleOfUpToFourOperandsModTen() {
        Arithmetic family = Arithmetic.of(10, 7);
        SumTable table = SumTable.shuffled(10, 7);
        List<int[]> tuples = everyTuple(10, 4);
        assertThat(tuples).hasSize(10 + 100 + 1000 + 10000);
        for (String name : Arithmetic.NAMES) {
            Operator op = family.get(name);
            ToIntFunction<int[]> expected = reference(name, 10, table);
            for (int[] t : tuples) {
                assertThat(op.evaluate(t)).as("%s%s", name, java.util.Arrays.toString(t)).isEqualTo(expected.applyAsInt(t));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 26, 97, 226})
    void everyOperatorMatchesTheReferenceForRandomTuples(int n) {
        Arithmetic family = Arithmetic.of(n, 3);
        SumTable table = SumTable.shuffled(n, 3);
        SplittableRandom random = new SplittableRandom(n);
        for (String name : Arithmetic.NAMES) {
            Operator op = family.get(name);
            ToIntFunction<int[]> expected = reference(name, n, table);
            for (int k = 0; k < 20_000; k++) {
                int[] t = new int[1 + random.nextInt(6)];
                for (int i = 0; i < t.length; i++) {
                    t[i] = random.nextInt(n);
                }
                int value = op.evaluate(t);
                assertThat(value).as("%s%s mod %d", name, java.util.Arrays.toString(t), n).isEqualTo(expected.applyAsInt(t));
                assertThat(value).isBetween(0, n - 1);
            }
        }
    }

    @Test
    void alternatingSumIsNeverNegative() {
        AlternatingSum nadd = new AlternatingSum(10);
        assertThat(nadd.evaluate(new int[] {0, 9})).isEqualTo(1);
        assertThat(nadd.evaluate(new int[] {0, 9, 0, 9})).isEqualTo(2);
        assertThat(nadd.evaluate(new int[] {3, 4, 5})).isEqualTo(4);
        for (int[] t : everyTuple(7, 4)) {
            assertThat(new AlternatingSum(7).evaluate(t)).isBetween(0, 6);
        }
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMedian() {
        Median med = new Median();
        assertThat(med.evaluate(new int[] {3, 8})).isEqualTo(3);
        assertThat(med.evaluate(new int[] {8, 3})).isEqualTo(3);
        assertThat(med.evaluate(new int[] {9, 1, 7, 4})).isEqualTo(4);
        assertThat(med.evaluate(new int[] {7, 4, 9})).isEqualTo(7);
    }

    @Test
    void operatorsLeaveTheirOperandsAsTheyWere() {
        int[] operands = {9, 1, 7, 4};
        for (Operator op : Arithmetic.of(10, 1).operators()) {
            op.evaluate(operands);
            assertThat(operands).as(op.name()).containsExactly(9, 1, 7, 4);
        }
    }

    @Test
    void theFamilyHasThePaperSymbolsInVocabularyOrder() {
        Arithmetic family = Arithmetic.of(10, 1);
        assertThat(family.operators()).extracting(Operator::name).containsExactlyElementsOf(Arithmetic.NAMES);
        assertThat(family.operators()).extracting(Operator::symbol).containsExactly("+", "-", "/", "%", "*", "~", "&");
    }
}
