package org.threshold.models.safetensors;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The safetensors format (huggingface/safetensors), float32 tensors only: an 8-byte little-endian
 * header length N, N bytes of JSON {@code {name: {"dtype": "F32", "shape": [...], "data_offsets":
 * [begin, end]}, "__metadata__": {text: text}}} (offsets into the data that follows), then the
 * tensors' bytes, little-endian. What PyTorch's {@code safetensors.torch.save_file} writes and
 * {@code safetensors.numpy.load_file} reads.
 *
 * <p>The header is parsed with SnakeYAML's safe loader (JSON is YAML), not by hand.
 */
public final class Safetensors {

    /** The header limit of the reference implementation (100 MB): a larger one is not a safetensors file. */
    static final long MAX_HEADER = 100_000_000L;

    private Safetensors() {
    }

    /**
     * Writes {@code tensors} in the given order, each right after the one before, the header padded
     * with spaces to a multiple of 8 bytes (as the reference writer does, so the data is aligned).
     * Goes to a temporary file beside {@code file}, then an atomic move: a reader never sees half a file.
     */
    public static void write(Path file, List<NamedTensor> tensors, Map<String, String> metadata) throws IOException {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append(quote("__metadata__")).append(":{");
            String separator = "";
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                json.append(separator).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                separator = ",";
            }
            json.append('}');
        }
        long offset = 0;
        for (NamedTensor t : tensors) {
            long end = offset + 4L * t.values().length;
            json.append(json.length() > 1 ? "," : "").append(quote(t.name())).append(":{\"dtype\":\"F32\",\"shape\":[");
            for (int i = 0; i < t.shape().size(); i++) {
                json.append(i > 0 ? "," : "").append(t.shape().get(i));
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
                out.write(header);
                for (int i = header.length; i < padded; i++) {
                    out.write(' ');
                }
                for (NamedTensor t : tensors) {
                    ByteBuffer data = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                    data.asFloatBuffer().put(t.values());
                    out.write(data.array());
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads every tensor, in the order of their data in the file.
     *
     * @throws SafetensorsException when the file is not a float32 safetensors file (what is wrong and where)
     */
    public static List<NamedTensor> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 8) {
            throw new SafetensorsException(file + " is not a safetensors file: " + bytes.length + " bytes, shorter than "
                    + "the 8 bytes of the header length");
        }
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
            throw new SafetensorsException(file + " is not a safetensors file: its header length " + n + " does not fit "
                    + "its " + bytes.length + " bytes");
        }
        String json = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        Object parsed;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit((int) Math.max(n, 1024));
            options.setAllowDuplicateKeys(false); // a tensor named twice is no valid header
            parsed = new Yaml(new SafeConstructor(options)).load(json);
        } catch (RuntimeException e) {
            String why = e instanceof MarkedYAMLException m && m.getProblem() != null ? m.getProblem()
                    + (m.getProblemMark() == null ? "" : " at column " + (m.getProblemMark().getColumn() + 1) + " of its line "
                    + (m.getProblemMark().getLine() + 1)) : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new SafetensorsException(file + " is not a safetensors file: its header cannot be read as a JSON object ("
                    + why + ")");
        }
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new SafetensorsException(file + " is not a safetensors file: its header is not a JSON object");
        }
        int dataStart = 8 + (int) n;
        long dataLength = bytes.length - dataStart;
        record Entry(String name, List<Long> shape, long begin, long end) {
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : header.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.equals("__metadata__")) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> info)) {
                throw new SafetensorsException(file + ": tensor " + name + " is described by " + e.getValue()
                        + ", not by {dtype, shape, data_offsets}");
            }
            if (!"F32".equals(info.get("dtype"))) {
                throw new SafetensorsException(file + ": tensor " + name + " has dtype " + info.get("dtype")
                        + "; Threshold reads F32 (float32) tensors only, e.g. torch's tensor.float() before saving");
            }
            List<Long> shape = whole(file, name, "shape", info.get("shape"));
            List<Long> offsets = whole(file, name, "data_offsets", info.get("data_offsets"));
            if (offsets.size() != 2 || offsets.get(0) > offsets.get(1) || offsets.get(1) > dataLength) {
                throw new SafetensorsException(file + ": tensor " + name + " has data_offsets " + offsets + " outside its "
                        + dataLength + " bytes of data");
            }
            long size = 1;
            for (long dim : shape) {
                size = Math.multiplyExact(size, dim);
            }
            if (offsets.get(1) - offsets.get(0) != 4 * size) {
                throw new SafetensorsException(file + ": tensor " + name + " of shape " + shape + " needs " + 4 * size
                        + " bytes, its data_offsets " + offsets + " give " + (offsets.get(1) - offsets.get(0)));
            }
            entries.add(new Entry(name, shape, offsets.get(0), offsets.get(1)));
        }
        entries.sort(Comparator.comparingLong(Entry::begin));
        List<NamedTensor> tensors = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            FloatBuffer data = ByteBuffer.wrap(bytes, dataStart + (int) e.begin(), (int) (e.end() - e.begin()))
                    .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] values = new float[data.remaining()];
            data.get(values);
            tensors.add(new NamedTensor(e.name(), e.shape(), values));
        }
        return tensors;
    }

    /** The tensors by name, in file order. */
    public static Map<String, NamedTensor> byName(List<NamedTensor> tensors) {
        Map<String, NamedTensor> map = new LinkedHashMap<>();
        tensors.forEach(t -> map.put(t.name(), t));
        return map;
    }

    private static List<Long> whole(Path file, String name, String field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new SafetensorsException(file + ": tensor " + name + " has no list " + field + " (found " + value + ")");
        }
        List<Long> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Integer || item instanceof Long) || ((Number) item).longValue() < 0) {
                throw new SafetensorsException(file + ": tensor " + name + " has " + field + " " + list
                        + ", expected non-negative whole numbers");
            }
            out.add(((Number) item).longValue());
        }
        return out;
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
