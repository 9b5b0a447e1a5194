package org.threshold.runs.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock a process holds on a run directory while it trains the run ({@code run.lock},
 * {@link FileChannel#tryLock()}), so that two processes sharing a sweep directory (two sweeps,
 * a sweep and a scheduler's job, a rerun while an old process still runs) never train one run
 * at once. The operating system releases it when the process ends, however it ends, so a killed
 * run leaves no stale lock; the file itself stays (deleting it would let a third process lock a
 * new file while the second still holds the old one).
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name in a run directory. */
    public static final String FILE = "run.lock";

    /** The file a sweep locks while it runs the point's process ({@link #tryAcquirePoint}). */
    public static final String POINT_FILE = "point.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run's lock, creating the directory; writes who holds it into the file.
     *
     * @return empty when another process (or this one) holds it
     */
    public static Optional<RunLock> tryAcquire(Path runDirectory) {
        return tryLock(runDirectory, FILE, true, "cannot lock the run directory " + runDirectory);
    }

    /**
     * Takes the lock a sweep holds on a grid point while the point's process, which it started,
     * runs ({@code point.lock}; the process itself holds {@code run.lock}): a second sweep on the
     * same directory then leaves the point alone rather than start a process of its own whose lines
     * would land in the middle of the first one's stdout.log (docs/SWEEPS.md). A separate file,
     * because closing any channel on a locked file releases the process's lock on it, and the
     * sweep opens the logs to start a process.
     *
     * @return empty when another process (or this one) holds it
     */
    public static Optional<RunLock> tryAcquirePoint(Path runDirectory) {
        return tryLock(runDirectory, POINT_FILE, false, "cannot lock " + runDirectory.resolve(POINT_FILE));
    }

    /**
     * Locks {@code name} in the directory, creating both.
     *
     * @param writeHolder whether to write {@code pid@host} into the file for {@link #holder}
     * @return empty when another process (or this one) holds it
     */
    private static Optional<RunLock> tryLock(Path runDirectory, String name, boolean writeHolder, String failure) {
        FileChannel channel = null;
        try {
            Files.createDirectories(runDirectory);
            channel = FileChannel.open(runDirectory.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            if (writeHolder) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ManagementFactory.getRuntimeMXBean().getName() + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            return Optional.of(new RunLock(channel, lock));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(failure, e);
        }
    }

    /** Whether some process holds the run's lock now (it is taken and released again to find out). */
    public static boolean isHeld(Path runDirectory) {
        if (!Files.exists(runDirectory.resolve(FILE))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(runDirectory.resolve(FILE), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of the run directory " + runDirectory, e);
        }
    }

    /** Who holds the lock, as its holder wrote it ({@code pid@host}); empty when unknown. */
    public static Optional<String> holder(Path runDirectory) {
        try {
            String text = Files.readString(runDirectory.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a run lock", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock failed already; that failure is the one to report
            }
        }
    }
}
