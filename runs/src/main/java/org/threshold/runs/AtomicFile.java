package org.threshold.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader never sees it half written (DESIGN: temp file in the same
 * directory, then an atomic move). The content is forced to disk before the move, so a machine
 * that stops right after it finds the whole file or the old one (run directories rely on this for
 * result.json, docs/RUNS.md).
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: it makes the file owner-only (0600), and reports are shared.
        // The process and thread ids keep concurrent writers (sweep processes) apart.
        Path temporary = directory.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** UTF-8 text, no byte-order mark. */
    public static void writeText(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
