package org.threshold.translation;

import java.util.SplittableRandom;
import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;

/**
 * A token stream cut into training windows (SPEC section 4): the blocks of instances, one block
 * per edge in config order, read as a cycle and cut into windows of the context length starting
 * at an epoch's offset. With {@code recut} every epoch draws a new offset from the seed and the
 * epoch, so the cuts fall elsewhere each epoch; with fixed windows (offset 0 every epoch) the
 * sparse edge's score was measured to rise and then fall as the model memorises the text.
 *
 * <p>The ends: an epoch is ⌈S/C⌉ windows of C tokens over a stream of S tokens, the last of them
 * wrapping round to the stream's start, so every token is read at least once per epoch and fewer
 * than C tokens twice. The stream holds whole instances, so the wrap joins {@code … |} to the
 * next instance exactly as two blocks join. No window is cut short and none is padded. A stream
 * shorter than the context is one window of the whole stream, rotated by the offset.
 *
 * <p>Every token is a target ({@code completionStart} 0): the loss covers the whole text.
 */
public final class StreamWindows implements TrainingSet {

    private final int[] stream;
    private final int window;
    private final boolean recut;
    private final long seed;
    private final int size;

    /**
     * @param stream the tokens, owned by this object from now on
     * @param context the window length
     * @param recut a new random offset every epoch (else offset 0)
     * @param seed this stream's own seed
     */
    public StreamWindows(int[] stream, int context, boolean recut, long seed) {
        if (stream.length < 2) {
            throw new IllegalArgumentException("a training stream needs at least 2 tokens, got " + stream.length);
        }
        if (context < 2) {
            throw new IllegalArgumentException("windows need at least 2 tokens, got " + context);
        }
        this.stream = stream;
        this.window = Math.min(context, stream.length);
        this.recut = recut;
        this.seed = seed;
        this.size = (int) ((stream.length + (long) window - 1) / window);
    }

    @Override
    public int size() {
        return size;
    }

    /** Where window 0 of this epoch starts in the stream. */
    public int offset(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epochs count from 0, got " + epoch);
        }
        return recut ? new SplittableRandom(DerivedSeed.of(seed, "offset", epoch)).nextInt(stream.length) : 0;
    }

    @Override
    public Example example(int epoch, int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("window " + index + " is outside 0.." + (size - 1));
        }
        int start = (int) ((offset(epoch) + (long) index * window) % stream.length);
        int[] tokens = new int[window];
        int first = Math.min(window, stream.length - start);
        System.arraycopy(stream, start, tokens, 0, first);
        System.arraycopy(stream, 0, tokens, first, window - first);
        return new Example(tokens, 0);
    }
}
