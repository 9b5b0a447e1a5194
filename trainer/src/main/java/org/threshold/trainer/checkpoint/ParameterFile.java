package org.threshold.trainer.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A model's parameters on disk ({@code model.params}): per parameter its name, shape and float32
 * values, little-endian. Loading copies the values into the model's existing arrays, so the arrays
 * keep their gradients and whatever refers to them (an optimizer's state), and a file of another
 * shape is refused with the first parameter that differs. (DJL's own {@code loadParameters} swaps
 * in new arrays without gradients and takes any shape.)
 */
public final class ParameterFile {

    private static final int MAGIC = 0x54485250; // "THRP"
    private static final int VERSION = 1;

    private ParameterFile() {
    }

    public static void save(Block block, DataOutputStream out) throws IOException {
        var parameters = block.getParameters();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> p : parameters) {
            NDArray array = p.getValue().getArray();
            if (array.getDataType() != DataType.FLOAT32) {
                throw new IOException("parameter " + p.getKey() + " is " + array.getDataType() + "; only float32 is saved");
            }
            out.writeUTF(p.getKey());
            long[] dims = array.getShape().getShape();
            out.writeInt(dims.length);
            for (long d : dims) {
                out.writeLong(d);
            }
            float[] values = array.toFloatArray();
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            out.write(bytes.array());
        }
    }

    /**
     * Copies saved values into {@code block}'s parameters.
     *
     * @throws IOException naming the first parameter whose name or shape differs, or a file that is not a parameter file
     */
    public static void load(Block block, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Threshold parameter file");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("parameter file version " + version + "; this Threshold reads version " + VERSION);
        }
        var parameters = block.getParameters();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException("the file holds " + count + " parameters, the model has " + parameters.size());
        }
        for (Pair<String, Parameter> p : parameters) {
            String name = in.readUTF();
            long[] dims = new long[in.readInt()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readLong();
            }
            NDArray array = p.getValue().getArray();
            if (!name.equals(p.getKey()) || !Arrays.equals(dims, array.getShape().getShape())) {
                throw new IOException("the file's parameter " + name + " " + new Shape(dims) + " does not match the model's "
                        + p.getKey() + " " + array.getShape());
            }
            byte[] raw = new byte[Math.toIntExact(array.size() * Float.BYTES)];
            in.readFully(raw);
            float[] values = new float[Math.toIntExact(array.size())];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            array.set(values);
        }
    }
}
