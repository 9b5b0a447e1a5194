package org.threshold.listops.split;

import java.util.Locale;
import org.threshold.listops.expression.ChainOfThought;
import org.threshold.listops.expression.RandomExpressions;

/**
 * The Java heap a spec's equations take, estimated before any is drawn, so that sets too large
 * for the heap are refused at the key that sizes them instead of failing with an
 * OutOfMemoryError after minutes of drawing (a {@code train_size} of 10,000,000 needs about
 * 2.6 GB).
 *
 * <p>Per equation, in HotSpot's 64-bit layout with compressed references: the {@code Equation}
 * record (24 bytes), its token array (16 + 4 per token), two list slots (8); and while its set is
 * drawn, the text key that keeps equations distinct (a 24-byte String, its 16 + 1-per-token
 * bytes), its hash entry (32) and table slots (8). The mean length comes from a few hundred
 * draws of a stream of their own, so the data itself is not changed. It is an estimate of the
 * data alone (the model, batches and the JVM need heap too), so a spec near the limit may still
 * not fit; one above it certainly cannot.
 */
final class EquationFootprint {

    /** Draws that estimate the mean equation length. */
    static final int SAMPLE = 256;

    /** Bytes of an equation besides its tokens (see the class comment). */
    static final long OVERHEAD = 24 + 16 + 8 + 24 + 16 + 32 + 8;

    private EquationFootprint() {
    }

    /**
     * @throws GenerationException at the size key with the most equations when the estimate
     *     exceeds {@code heapBytes}
     */
    static void check(ExpressionSpec spec, long seed, long heapBytes) {
        int operators = spec.mixture().operators().size();
        long equations = (long) spec.trainSize() + spec.testSize() + (long) spec.evalSize() * operators;
        double[] mean = meanLengths(spec, seed);
        if (mean.length == 0) {
            return; // every draw is longer than the context: generation reports that, at context
        }
        long perEquation = OVERHEAD + aligned(16 + 4 * mean[0]) + aligned(16 + mean[1]);
        long bytes = equations * perEquation;
        if (bytes <= heapBytes) {
            return;
        }
        String key = spec.trainSize() >= spec.testSize() && spec.trainSize() >= (long) spec.evalSize() * operators ? "train_size"
                : spec.testSize() >= (long) spec.evalSize() * operators ? "test_size" : "eval_size";
        throw new GenerationException(key, String.format(Locale.ROOT,
                "expected data that fits the Java heap (%s), found %,d equations (%,d training, %,d test, %,d per-operator test) "
                        + "of about %.0f tokens, about %s; lower %s, or give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx%dg)",
                size(heapBytes), equations, spec.trainSize(), spec.testSize(), (long) spec.evalSize() * operators, mean[0],
                size(bytes), key, (long) Math.ceil(bytes * 1.5 / (1L << 30))));
    }

    /** Mean equation and expression lengths in tokens over the draws that fit the context; empty when none does. */
    private static double[] meanLengths(ExpressionSpec spec, long seed) {
        RandomExpressions source = new RandomExpressions(spec.notation(), spec.mixture(), spec.shape(), StreamSeed.of(seed, "footprint"));
        ChainOfThought chain = new ChainOfThought(spec.notation());
        int[] expression = new int[spec.context()];
        int[] equation = new int[spec.context()];
        long equationTokens = 0;
        long expressionTokens = 0;
        int fitting = 0;
        for (int i = 0; i < SAMPLE; i++) {
            int length = source.draw(expression, spec.context() - 4); // room for 's', '=', the answer and 'e'
            if (length < 0) {
                continue;
            }
            int written = chain.write(expression, length, spec.chainOfThought(), equation, (operator, operands, value) -> { });
            if (written < 0) {
                continue;
            }
            equationTokens += written;
            expressionTokens += length;
            fitting++;
        }
        return fitting == 0 ? new double[0] : new double[] {equationTokens / (double) fitting, expressionTokens / (double) fitting};
    }

    private static long aligned(double bytes) {
        return ((long) Math.ceil(bytes) + 7) / 8 * 8;
    }

    /** "1.0 GB", "640 MB": binary units, as the JVM's -Xmx counts them. */
    static String size(long bytes) {
        double gb = bytes / (double) (1L << 30);
        return gb >= 1 ? String.format(Locale.ROOT, "%.1f GB", gb) : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
