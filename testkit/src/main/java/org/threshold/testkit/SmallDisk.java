package org.threshold.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small file system mounted for a test (a tmpfs of a few kilobytes), so that a test sees what a
 * full disk does: writes fail with the operating system's "No space left on device". Mounting
 * needs root; where it is not possible the test is skipped, with the reason, rather than passed
 * (JUnit's assumptions). Unmounted when closed.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /**
     * Mounts a tmpfs of {@code bytes} (rounded up to whole pages) at {@code at}, creating the
     * directory. Not root: the calling test is skipped, with the reason. Root (as in CI) and the
     * mount fails: the test fails, since a full-disk test that silently skips where it should run
     * would prove nothing.
     */
    public static SmallDisk mount(Path at, long bytes) {
        try {
            Files.createDirectories(at);
            String uid = run(List.of("id", "-u")).strip();
            Assumptions.assumeTrue(uid.equals("0"), "mounting a tmpfs needs root (this test runs as uid " + uid + "); a full "
                    + "disk is not simulated here");
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean done = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
            if (!done) {
                throw new AssertionError("running as root, but cannot mount a tmpfs at " + at + " (" + said + ")");
            }
            return new SmallDisk(at);
        } catch (IOException e) {
            throw new AssertionError("cannot mount a tmpfs at " + at + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while mounting a tmpfs at " + at, e);
        }
    }

    public Path path() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of("umount", "-l", mountPoint.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
