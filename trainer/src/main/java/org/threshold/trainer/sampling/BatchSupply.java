package org.threshold.trainer.sampling;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Hands the training loop its batches, drawing the next one on a worker thread while the current
 * step trains, so that Java-side batch building stays off the step's path (DESIGN.md: keep
 * Java-side work overlapped with the step). The batches are exactly those the sampler draws in
 * step order; only when they are drawn changes.
 *
 * <p>The curriculum's weights for a step are asked on the caller's thread when that step is
 * prepared, i.e. before the previous step trains: the loop prepares a step only when no evaluation
 * (which the curriculum may react to) comes in between.
 */
public final class BatchSupply implements AutoCloseable {

    /**
     * A drawn batch.
     *
     * @param step the step it is for
     * @param weights the curriculum's weights it was drawn with
     * @param batch the batch
     * @param samplerAfter the sampler's state right after drawing it: what a checkpoint after this step saves
     */
    public record Drawn(long step, Map<String, Double> weights, Batch batch, SamplerState samplerAfter) {
    }

    private final BatchSampler sampler;
    private final LongFunction<Map<String, Double>> weights;
    private final ExecutorService worker;
    private Optional<Future<Drawn>> prepared = Optional.empty();
    private long preparedStep = -1;

    /**
     * @param sampler draws the batches (used by one thread at a time)
     * @param weights the curriculum's weights of a step
     */
    public BatchSupply(BatchSampler sampler, LongFunction<Map<String, Double>> weights) {
        this.sampler = sampler;
        this.weights = weights;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "threshold-batches");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts drawing the batch of {@code step} in the background. */
    public void prepare(long step) {
        if (prepared.isPresent()) {
            throw new IllegalStateException("the batch of step " + preparedStep + " was prepared and not taken");
        }
        Map<String, Double> w = weights.apply(step);
        prepared = Optional.of(worker.submit(() -> draw(step, w)));
        preparedStep = step;
    }

    /** The batch of {@code step}: the prepared one, or drawn now. */
    public Drawn take(long step) {
        if (prepared.isEmpty()) {
            return draw(step, weights.apply(step));
        }
        if (preparedStep != step) {
            throw new IllegalStateException("the batch of step " + preparedStep + " was prepared, but step " + step + " asked");
        }
        Future<Drawn> f = prepared.get();
        prepared = Optional.empty();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing the batch of step " + step, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("drawing the batch of step " + step + " failed", e.getCause());
        }
    }

    private Drawn draw(long step, Map<String, Double> w) {
        Batch batch = sampler.next(step, w);
        return new Drawn(step, w, batch, sampler.state());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
