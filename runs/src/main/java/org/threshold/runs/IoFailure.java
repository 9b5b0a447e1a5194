package org.threshold.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * An input or output failure said as a person needs it: the file and the operating system's
 * reason ("No space left on device", "Permission denied"), from whichever exceptions carry them.
 * Java puts the reason in a plain IOException's message, a FileSystemException's reason, or only
 * in the type (an AccessDeniedException has none); Threshold's own wrappers name the file.
 */
public final class IoFailure {

    private IoFailure() {
    }

    /** The first input or output failure among {@code t} and its causes; empty when there is none. */
    public static Optional<IOException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /** The operating system's reason, e.g. "No space left on device". */
    public static String reason(IOException e) {
        // the innermost reason: a wrapper's message already holds its cause's
        IOException innermost = e;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                innermost = io;
            }
        }
        if (innermost instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (f instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (f instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (f instanceof FileAlreadyExistsException) {
                return "File exists";
            }
            if (f instanceof DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            if (f instanceof NotDirectoryException) {
                return "Not a directory";
            }
            return "it failed";
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
    }

    /**
     * One line: what Threshold was doing, the file and the reason, e.g. "cannot append to
     * runs/3f9a/metrics.jsonl: No space left on device", or "runs/3f9a/checkpoints: Permission denied".
     */
    public static String describe(Throwable t) {
        IOException io = in(t).orElseThrow(() -> new IllegalArgumentException("no input or output failure in " + t));
        String reason = reason(io);
        String what = null;
        for (Throwable c = t; c != null && c != io; c = c.getCause()) {
            if (c instanceof UncheckedIOException || c.getCause() instanceof IOException) {
                what = c.getMessage();
                break;
            }
        }
        String file = io instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String other = io instanceof FileSystemException f && f.getOtherFile() != null ? f.getOtherFile() : null;
        StringBuilder line = new StringBuilder();
        if (what != null && !what.isBlank()) {
            line.append(what);
        }
        if (file != null && (what == null || !what.contains(file))) {
            line.append(line.length() == 0 ? "" : ": ").append(file);
            if (other != null) {
                line.append(" -> ").append(other);
            }
        }
        if (line.length() == 0) {
            line.append(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
            if (line.toString().contains(reason)) {
                return line.toString();
            }
        }
        if (line.toString().endsWith(reason)) {
            return line.toString();
        }
        return line.append(": ").append(reason).toString();
    }
}
