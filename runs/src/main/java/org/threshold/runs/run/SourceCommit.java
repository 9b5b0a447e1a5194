package org.threshold.runs.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git commit of the code that runs, for provenance.json: the system property
 * {@code threshold.commit} when a launcher gives it, otherwise asked of git in the directory the
 * code was loaded from (a build in a checkout). Unknown is fine: the field is then absent.
 */
public final class SourceCommit {

    private SourceCommit() {
    }

    public static Optional<String> find() {
        String given = System.getProperty("threshold.commit");
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        try {
            Path code = Path.of(SourceCommit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            Optional<String> head = git(dir, "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return Optional.empty();
            }
            boolean dirty = git(dir, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank()).orElse(false);
            return Optional.of(head.get() + (dirty ? "-dirty" : ""));
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
