package org.threshold.trainer.step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba) with PyTorch's update rule, optional decoupled weight decay (AdamW), and
 * its state — first and second moments per parameter array and the step count — in arrays this
 * class owns, so that a checkpoint holds them and a resumed run continues exactly (DJL's own Adam
 * keeps its moments private).
 *
 * <p>PyTorch: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε);
 * AdamW first shrinks w by the factor 1 − lr·λ. Each array is updated by one native call
 * (DJL's fused {@code adamUpdate}, which also zeroes the array's gradient). Its rule puts ε
 * outside the bias correction, w ← w − α·m/(√v + ε'), so it gets α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ) and
 * ε' = ε·√(1−β₂ᵗ), which is PyTorch's rule exactly.
 */
public final class Adam implements AutoCloseable {

    private static final String FORMAT = "threshold-adam";
    private static final int VERSION = 1;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager manager;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private long steps;

    /**
     * @param manager owns the moment arrays (the parameters' device)
     */
    public Adam(double beta1, double beta2, double epsilon, double weightDecay, NDManager manager) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's betas must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon >= 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("eps and weight_decay must be >= 0, got " + epsilon + " and " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.manager = manager.newSubManager();
    }

    /** Updates completed so far (t in the bias corrections is this plus one for the next update). */
    public long steps() {
        return steps;
    }

    /**
     * One update of every parameter array by its gradient, each gradient multiplied by
     * {@code gradientScale} first (gradient clipping); zeroes the gradients.
     *
     * @param parameters arrays that have gradients, in the same order at every call
     * @param gradients their gradients
     */
    public void update(List<NDArray> parameters, List<NDArray> gradients, double learningRate, double gradientScale) {
        if (parameters.size() != gradients.size()) {
            throw new IllegalArgumentException(parameters.size() + " parameters but " + gradients.size() + " gradients");
        }
        ensureState(parameters);
        long t = steps + 1;
        double correction1 = 1 - Math.pow(beta1, t);
        double root2 = Math.sqrt(1 - Math.pow(beta2, t));
        float alpha = (float) (learningRate * root2 / correction1);
        float eps = (float) (epsilon * root2);
        boolean decoupled = weightDecay > 0;
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i);
            w.getNDArrayInternal().adamUpdate(
                    new NDList(w, gradients.get(i), firstMoments.get(i), secondMoments.get(i)), new NDList(w),
                    (float) learningRate, alpha, (float) weightDecay, (float) gradientScale, -1f,
                    (float) beta1, (float) beta2, eps, false, decoupled);
        }
        steps = t;
    }

    private void ensureState(List<NDArray> parameters) {
        if (firstMoments.isEmpty()) {
            for (NDArray w : parameters) {
                NDArray m = manager.zeros(w.getShape(), w.getDataType());
                NDArray v = manager.zeros(w.getShape(), w.getDataType());
                NDScope.unregister(m, v); // state outlives the step that first needs it
                firstMoments.add(m);
                secondMoments.add(v);
            }
            return;
        }
        if (firstMoments.size() != parameters.size()) {
            throw new IllegalStateException("Adam holds moments for " + firstMoments.size() + " parameter arrays, given "
                    + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (!firstMoments.get(i).getShape().equals(parameters.get(i).getShape())) {
                throw new IllegalStateException("parameter " + i + " has shape " + parameters.get(i).getShape()
                        + " but Adam's moments have " + firstMoments.get(i).getShape());
            }
        }
    }

    /** The moments, in parameter order (empty before the first update). */
    public List<NDArray> firstMoments() {
        return List.copyOf(firstMoments);
    }

    public List<NDArray> secondMoments() {
        return List.copyOf(secondMoments);
    }

    /** Writes the step count and the moments, exactly. */
    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(FORMAT);
        out.writeInt(VERSION);
        out.writeLong(steps);
        out.writeInt(firstMoments.size());
        for (int i = 0; i < firstMoments.size(); i++) {
            byte[] m = firstMoments.get(i).encode();
            byte[] v = secondMoments.get(i).encode();
            out.writeInt(m.length);
            out.write(m);
            out.writeInt(v.length);
            out.write(v);
        }
    }

    /** Replaces the state with what {@link #save} wrote. */
    public void load(DataInputStream in) throws IOException {
        String format = in.readUTF();
        int version = in.readInt();
        if (!FORMAT.equals(format) || version != VERSION) {
            throw new IOException("not a Threshold Adam state (format '" + format + "' version " + version
                    + "), expected '" + FORMAT + "' version " + VERSION);
        }
        long loadedSteps = in.readLong();
        int n = in.readInt();
        List<NDArray> m = new ArrayList<>(n);
        List<NDArray> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            m.add(decode(in));
            v.add(decode(in));
        }
        firstMoments.forEach(NDArray::close);
        secondMoments.forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
        firstMoments.addAll(m);
        secondMoments.addAll(v);
        steps = loadedSteps;
    }

    private NDArray decode(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        NDArray array = NDArray.decode(manager, bytes);
        NDScope.unregister(array);
        return array;
    }

    @Override
    public void close() {
        manager.close();
        firstMoments.clear();
        secondMoments.clear();
    }
}
