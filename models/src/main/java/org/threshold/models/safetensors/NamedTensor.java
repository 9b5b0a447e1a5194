package org.threshold.models.safetensors;

import java.util.Arrays;
import java.util.List;

/**
 * One float32 tensor of a safetensors file: its name, its shape and its values in row-major
 * order (C order, as PyTorch and numpy keep them).
 */
public record NamedTensor(String name, List<Long> shape, float[] values) {

    public NamedTensor {
        shape = List.copyOf(shape);
        long size = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("tensor " + name + " has a negative dimension in its shape " + shape);
            }
            size = Math.multiplyExact(size, dim);
        }
        if (size != values.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + shape + " holds " + size + " values, given "
                    + values.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedTensor t && t.name.equals(name) && t.shape.equals(shape) && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + shape.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + " " + shape;
    }
}
