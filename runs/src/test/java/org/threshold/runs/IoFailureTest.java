package org.threshold.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** An input or output failure in one line: what was being done, the file, the operating system's reason. */
class IoFailureTest {

    @Test
    void aFullDiskNamesTheFileOfTheWrapperAndTheReason() {
        UncheckedIOException e = new UncheckedIOException("cannot append to runs/x/metrics.jsonl",
                new IOException("No space left on device"));
        assertThat(IoFailure.describe(e)).isEqualTo("cannot append to runs/x/metrics.jsonl: No space left on device");
    }

    @Test
    void aFileSystemExceptionGivesItsFileWhenTheWrapperDoesNotNameIt() {
        FileSystemException cause = new FileSystemException("runs/x/checkpoints/.step-000000020.partial/model.params", null,
                "No space left on device");
        cause.initCause(new IOException("No space left on device"));
        UncheckedIOException e = new UncheckedIOException("cannot save a checkpoint in runs/x/checkpoints", cause);
        assertThat(IoFailure.describe(e)).isEqualTo("cannot save a checkpoint in runs/x/checkpoints: "
                + "runs/x/checkpoints/.step-000000020.partial/model.params: No space left on device");
    }

    @Test
    void permissionsHaveAReasonThoughJavaGivesNone() {
        UncheckedIOException e = new UncheckedIOException("cannot create the run directory runs/x (runtime.output)",
                new AccessDeniedException("runs/x"));
        assertThat(IoFailure.describe(e)).isEqualTo("cannot create the run directory runs/x (runtime.output): Permission denied");
        assertThat(IoFailure.reason(new AccessDeniedException("runs/x"))).isEqualTo("Permission denied");
    }

    @Test
    void noFailureOfInputOrOutputIsFoundInOtherExceptions() {
        assertThat(IoFailure.in(new IllegalStateException("a bug"))).isEmpty();
    }
}
