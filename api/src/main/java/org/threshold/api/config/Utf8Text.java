package org.threshold.api.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a config file as UTF-8 and refuses bytes that are not. An {@code InputStreamReader}
 * would silently turn them into U+FFFD, so a Latin-1 'é' in a component name would become a
 * different name with no error; here the decoder reports, and we name the line and column.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    static String decode(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            out.flip();
            throw new ConfigException(new ConfigProblem(position(out, file), "",
                    "expected UTF-8 text, found " + bytesAt(bytes, at, result.length()) + " (save the file as UTF-8)"));
        }
        out.flip();
        String text = out.toString();
        // A byte-order mark is legal UTF-8 but not YAML content.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Line and column (in characters, 1-based) of the byte at {@code index}: lines end at '\n', and
     * a character is counted at its first byte (UTF-8 continuation bytes are 10xxxxxx).
     */
    static Mark positionOfByte(byte[] bytes, int index, String file) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Mark(file, line, column);
    }

    /** Line and column (in characters, 1-based) just after the text decoded so far. */
    private static Mark position(CharSequence decoded, String file) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Mark(file, line, column);
    }

    private static String bytesAt(byte[] bytes, int at, int length) {
        StringBuilder sb = new StringBuilder(length == 1 ? "the byte" : "the bytes");
        for (int i = at; i < Math.min(bytes.length, at + Math.max(length, 1)); i++) {
            sb.append(String.format(" 0x%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
