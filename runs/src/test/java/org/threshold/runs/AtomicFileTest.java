package org.threshold.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void temporaryFilesOfKilledWritersAreRemovedAndLiveOnesKept() throws IOException {
        long dead = deadPid();
        Path abandoned = Files.writeString(dir.resolve(".provenance.json." + dead + ".1.tmp"), "{\"threshold\"");
        Path mine = Files.writeString(dir.resolve(".result.json." + ProcessHandle.current().pid() + ".7.tmp"), "{");
        Path other = Files.writeString(dir.resolve("provenance.json"), "{}");

        assertThat(AtomicFile.removeAbandoned(dir)).containsExactly(abandoned);

        assertThat(abandoned).doesNotExist();
        assertThat(mine).as("this process may be writing it").exists();
        assertThat(other).exists();
    }

    @Test
    void aWriteThatFailsLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("result.json");
        Files.createDirectories(target); // a directory cannot be replaced by the move
        try {
            AtomicFile.writeText(target, "{}");
        } catch (IOException expected) {
            // the write failed, as it should
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.json");
        }
    }

    /** A process id no process has now. */
    private static long deadPid() {
        for (long pid = 4_000_000; ; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }
}
