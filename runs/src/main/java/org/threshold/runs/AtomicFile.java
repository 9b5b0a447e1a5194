package org.threshold.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so that a reader never sees it half written (DESIGN: temp file in the same
 * directory, then an atomic move). The content is forced to disk before the move, so a machine
 * that stops right after it finds the whole file or the old one (run directories rely on this for
 * result.json, docs/RUNS.md).
 */
public final class AtomicFile {

    /** A temporary file's name: {@code .<file>.<pid>.<thread>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(\\d+)\\.(\\d+)\\.tmp");

    private AtomicFile() {
    }

    /** The temporary file this thread writes {@code file} through. */
    static Path temporary(Path file) {
        // Not Files.createTempFile: it makes the file owner-only (0600), and reports are shared.
        // The process and thread ids keep concurrent writers (sweep processes) apart.
        return file.getParent().resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
    }

    /**
     * Removes the temporary files in {@code directory} that writers killed before their move left
     * behind (a run killed while it wrote provenance.json keeps {@code .provenance.json.<pid>.1.tmp}
     * otherwise, for good): those whose process is not alive on this machine. Another live
     * process's file, or this process's, is left alone.
     *
     * @return the files removed
     */
    public static List<Path> removeAbandoned(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.toList()) {
                Matcher m = TEMPORARY.matcher(child.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(child)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean alive = pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive && Files.deleteIfExists(child)) {
                    removed.add(child);
                }
            }
        }
        return removed;
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = temporary(target);
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
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) { // a full disk's error names no file
            FileSystemException named = new FileSystemException(file.toString(), null,
                    IoFailure.reason(e));
            named.initCause(e);
            throw named;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** UTF-8 text, no byte-order mark. */
    public static void writeText(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
