package org.threshold.trainer.step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.threshold.api.model.Model;
import org.threshold.api.model.Stacking;

/**
 * The training step of K runs trained as one stacked model (SPEC section 10). Each run trains in
 * its own thread, with its own training loop, and asks for its step with {@link #run}; once every
 * run still in the stack has asked, one of them computes all K: one stacked forward pass
 * ({@link Stacking#forward}), each run's masked cross-entropy on its own logits, one backward
 * pass of their sum (so each run's parameters get the gradient of its own loss), then each run's
 * own update ({@link TrainingStep#update}: its norm, clipping, schedule and Adam state). A run that
 * ends leaves ({@link #leave}); the others go on without it.
 *
 * <p>Batches of different lengths are right-padded to the longest with positions that do not
 * count: a causal model's logits at a position do not depend on later ones, so a run's loss is
 * the one it has alone. All runs' batches have the same number of sequences (SPEC section 10).
 */
public final class StackedStep {

    private final Stacking stacking;
    private final NDManager manager;
    private final Model[] models;
    private final TrainingStep[] steps;
    private final TokenBatch[] pending;
    private final StepResult[] results;
    private final boolean[] left;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long passes;
    private long generation;
    private RuntimeException failure;

    /**
     * @param stacking the members' stacking capability
     * @param size K
     * @param manager on the members' device; each pass's arrays live in a sub-manager of it
     */
    public StackedStep(Stacking stacking, int size, NDManager manager) {
        if (size < 1) {
            throw new IllegalArgumentException("a stack has at least one member, got " + size);
        }
        this.stacking = stacking;
        this.manager = manager;
        this.models = new Model[size];
        this.steps = new TrainingStep[size];
        this.pending = new TokenBatch[size];
        this.results = new StepResult[size];
        this.left = new boolean[size];
    }

    public int size() {
        return models.length;
    }

    /** Member {@code position} trains {@code model} with {@code step}'s optimizer; every member joins before any step. */
    public void join(int position, Model model, TrainingStep step) {
        lock.lock();
        try {
            if (models[position] != null) {
                throw new IllegalStateException("member " + position + " of the stack has joined already");
            }
            Optional<String> why = stacking.incompatibility(model);
            if (why.isPresent()) {
                throw new IllegalArgumentException("member " + position + " cannot join the stack: " + why.get());
            }
            models[position] = model;
            steps[position] = step;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Member {@code position}'s step on {@code batch}: waits for every other member still in the
     * stack to ask for theirs, then one stacked pass trains them all.
     *
     * @throws IllegalStateException when the pass failed (the failure of every waiting member)
     */
    public StepResult run(int position, TokenBatch batch) {
        lock.lock();
        try {
            if (left[position] || models[position] == null) {
                throw new IllegalStateException("member " + position + " is not in the stack");
            }
            if (pending[position] != null) {
                throw new IllegalStateException("member " + position + " asked for a step while its last one was pending");
            }
            pending[position] = batch;
            long mine = generation;
            while (generation == mine && failure == null) {
                if (everyMemberAsked()) {
                    pass();
                    break;
                }
                changed.awaitUninterruptibly();
            }
            StepResult result = results[position];
            results[position] = null;
            pending[position] = null;
            if (result == null) {
                throw new IllegalStateException("the stacked training step failed: " + failure.getMessage(), failure);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Member {@code position} has ended (its steps are done, it stopped early or failed), or had
     * ended before this session and never joins: the rest go on without it.
     */
    public void leave(int position) {
        lock.lock();
        try {
            left[position] = true;
            pending[position] = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stacked passes run so far: one per step whatever K is. */
    public long passes() {
        lock.lock();
        try {
            return passes;
        } finally {
            lock.unlock();
        }
    }

    private boolean everyMemberAsked() {
        boolean any = false;
        for (int k = 0; k < models.length; k++) {
            if (left[k]) {
                continue;
            }
            if (models[k] == null || pending[k] == null) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** One stacked forward and backward pass and each asking member's update; holds the lock. */
    private void pass() {
        List<Integer> members = new ArrayList<>();
        for (int k = 0; k < models.length; k++) {
            if (!left[k] && pending[k] != null) {
                members.add(k);
            }
        }
        try {
            compute(members);
            passes++;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            for (int k : members) {
                pending[k] = null;
            }
            generation++;
            changed.signalAll();
        }
    }

    private void compute(List<Integer> members) {
        int rows = pending[members.get(0)].size();
        int time = 0;
        for (int k : members) {
            TokenBatch b = pending[k];
            if (b.size() != rows) {
                throw new IllegalArgumentException("stacked runs train on batches of one size, got " + rows + " and " + b.size()
                        + " sequences");
            }
            time = Math.max(time, b.length());
        }
        int n = rows * time;
        long[] tokens = new long[members.size() * n];
        List<TokenBatch> batches = new ArrayList<>(members.size());
        List<List<NDArray>> parameters = new ArrayList<>(members.size());
        List<Model> stacked = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            int k = members.get(i);
            TokenBatch b = padded(pending[k], time);
            System.arraycopy(b.inputs(), 0, tokens, i * n, n);
            batches.add(b);
            parameters.add(steps[k].trainableArrays());
            stacked.add(models[k]);
        }
        try (NDManager scope = manager.newSubManager(); NDScope arrays = new NDScope()) {
            NDArray input = scope.create(tokens, new Shape(members.size(), rows, time));
            List<NDArray> losses = new ArrayList<>(members.size());
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray logits = stacking.forward(stacked, input, true);
                NDArray total = null;
                for (int i = 0; i < members.size(); i++) {
                    NDArray loss = MaskedCrossEntropy.loss(logits.get(i), batches.get(i), scope);
                    losses.add(loss);
                    total = total == null ? loss : total.add(loss);
                }
                collector.backward(total);
            }
            for (int i = 0; i < members.size(); i++) {
                int k = members.get(i);
                float loss = (float) TrainingStep.valueOf(losses.get(i));
                results[k] = steps[k].update(parameters.get(i), loss);
            }
        }
    }

    /** {@code batch} right-padded to {@code time} positions that do not count. */
    static TokenBatch padded(TokenBatch batch, int time) {
        if (batch.length() == time) {
            return batch;
        }
        int rows = batch.size();
        int length = batch.length();
        long[] inputs = new long[rows * time];
        long[] targets = new long[rows * time];
        float[] mask = new float[rows * time];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(batch.inputs(), r * length, inputs, r * time, length);
            System.arraycopy(batch.targets(), r * length, targets, r * time, length);
            System.arraycopy(batch.lossMask(), r * length, mask, r * time, length);
        }
        return new TokenBatch(rows, time, inputs, targets, mask, batch.counted());
    }
}
