package org.threshold.models.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    /** The bytes of a safetensors file: header length, header, then the data as given. */
    static byte[] file(String header, float... data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        for (float f : data) {
            b.putFloat(f);
        }
        return b.array();
    }

    @Test
    void writesTheHeaderLengthTheJsonHeaderPaddedToEightBytesAndLittleEndianFloats() throws IOException {
        Path f = dir.resolve("a.safetensors");
        Safetensors.write(f, List.of(new NamedTensor("a", List.of(2L), new float[] {1f, -2f})), Map.of());
        byte[] bytes = Files.readAllBytes(f);
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}"; // 54 bytes, padded to 56
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {56, 0, 0, 0, 0, 0, 0, 0});
        expected.writeBytes((json + "  ").getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(new byte[] {0, 0, (byte) 0x80, 0x3f}); // 1.0f = 0x3f800000
        expected.writeBytes(new byte[] {0, 0, 0, (byte) 0xc0}); // -2.0f = 0xc0000000
        assertThat(bytes).isEqualTo(expected.toByteArray());
    }

    @Test
    void readsAHandWrittenFileInTheOrderOfItsDataWhateverTheHeadersOrder() throws IOException {
        Path f = dir.resolve("b.safetensors");
        Files.write(f, file("{\"__metadata__\": {\"format\": \"pt\"}, "
                + "\"w\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [8, 24]}, "
                + "\"s\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [24, 28]}, "
                + "\"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}    ",
                0.5f, 1.5f, 1f, 2f, 3f, 4f, 7f));
        List<NamedTensor> tensors = Safetensors.read(f);
        assertThat(tensors).extracting(NamedTensor::name).containsExactly("b", "w", "s");
        assertThat(tensors.get(0).values()).containsExactly(0.5f, 1.5f);
        assertThat(tensors.get(1).shape()).containsExactly(2L, 2L);
        assertThat(tensors.get(1).values()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(tensors.get(2).shape()).isEmpty();
        assertThat(tensors.get(2).values()).containsExactly(7f);
    }

    @Test
    void whatIsWrittenReadsBackBitForBit() throws IOException {
        Path f = dir.resolve("c.safetensors");
        float[] odd = {Float.MIN_VALUE, -0f, 1e-30f, 3.4e38f, (float) Math.PI};
        List<NamedTensor> tensors = List.of(new NamedTensor("transformer.wte.weight", List.of(5L, 1L), odd),
                new NamedTensor("name \"quoted\"\\", List.of(1L, 2L), new float[] {2f, 3f}));
        Safetensors.write(f, tensors, Map.of("format", "pt"));
        List<NamedTensor> back = Safetensors.read(f);
        assertThat(back).isEqualTo(tensors);
        assertThat(Float.floatToRawIntBits(back.get(0).values()[1])).isEqualTo(Float.floatToRawIntBits(-0f));
    }

    @Test
    void anotherDtypeIsRefusedWithTheTensorsName() throws IOException {
        Path f = dir.resolve("d.safetensors");
        Files.write(f, file("{\"x\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [0, 8]}}", 0f, 0f));
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(SafetensorsException.class)
                .hasMessage(f + ": tensor x has dtype F64; Threshold reads F32 (float32) tensors only, e.g. torch's "
                        + "tensor.float() before saving");
    }

    @Test
    void offsetsThatDoNotMatchTheShapeAreRefused() throws IOException {
        Path f = dir.resolve("e.safetensors");
        Files.write(f, file("{\"x\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}}", 0f, 0f));
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(SafetensorsException.class)
                .hasMessage(f + ": tensor x of shape [3] needs 12 bytes, its data_offsets [0, 8] give 8");
    }

    @Test
    void aTensorNamedTwiceIsRefused() throws IOException {
        Path f = dir.resolve("g.safetensors");
        Files.write(f, file("{\"x\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, "
                + "\"x\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 1f, 2f));
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(SafetensorsException.class)
                .hasMessageStartingWith(f + " is not a safetensors file: its header cannot be read as a JSON object (")
                .hasMessageContaining("duplicate key x");
    }

    @Test
    void aFileThatIsNotSafetensorsSaysSo() throws IOException {
        Path f = dir.resolve("f.safetensors");
        byte[] text = "hello, this is no header".getBytes(StandardCharsets.US_ASCII);
        Files.write(f, text);
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(SafetensorsException.class)
                .hasMessageStartingWith(f + " is not a safetensors file: its header length ");
        Files.write(f, Arrays.copyOf(text, 3));
        assertThatThrownBy(() -> Safetensors.read(f)).hasMessage(f + " is not a safetensors file: 3 bytes, shorter than the "
                + "8 bytes of the header length");
    }
}
