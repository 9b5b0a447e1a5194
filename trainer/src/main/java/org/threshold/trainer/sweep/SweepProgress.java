package org.threshold.trainer.sweep;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.threshold.api.sweep.PointOutcome;
import org.threshold.api.sweep.PointState;
import org.threshold.api.sweep.SweepCounts;
import org.threshold.api.sweep.SweepListener;
import org.threshold.api.sweep.SweepPoint;

/**
 * The sweep's progress for people. On a terminal: one status line rewritten in place (runs done,
 * failed, running, left, ETA), with a line above it for every point that ends. Otherwise (a log
 * file, a CI job): plain lines, one per start and end, each with the counts.
 */
public final class SweepProgress implements SweepListener {

    private final PrintWriter out;
    private final boolean terminal;
    private int statusWidth;

    /**
     * @param terminal whether {@code out} is a terminal that understands a carriage return
     */
    public SweepProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void starting(String layout, SweepCounts counts) {
        line(counts.total() + (counts.total() == 1 ? " grid point" : " grid points") + ": " + counts.done() + " finished before, "
                + counts.failed() + " failed before, " + counts.left() + " to run; " + layout);
        status(counts);
    }

    @Override
    public void started(SweepPoint point, SweepCounts counts) {
        if (!terminal) {
            line(time() + " started  " + point.describe() + "; " + counts.describe());
        }
        status(counts);
    }

    @Override
    public void ended(PointOutcome outcome, SweepCounts counts) {
        if (outcome.state() != PointState.SKIPPED || !terminal) {
            line(time() + " " + pad(outcome.state().word()) + " " + outcome.point().describe() + ": " + outcome.message()
                    + (terminal ? "" : "; " + counts.describe()));
        }
        status(counts);
    }

    @Override
    public void waiting(SweepCounts counts) {
        status(counts);
    }

    @Override
    public void note(String text) {
        line(text); // the status line comes back with the next count
    }

    /** Ends the status line, so that what is printed next starts on a line of its own. */
    public void close() {
        if (terminal && statusWidth > 0) {
            out.println();
            statusWidth = 0;
        }
        out.flush();
    }

    private void line(String text) {
        if (terminal && statusWidth > 0) {
            out.print("\r" + " ".repeat(statusWidth) + "\r");
            statusWidth = 0;
        }
        out.println(text);
        out.flush();
    }

    private void status(SweepCounts counts) {
        if (!terminal) {
            return;
        }
        String text = "[" + counts.describe() + "]";
        out.print("\r" + text + " ".repeat(Math.max(0, statusWidth - text.length())));
        statusWidth = text.length();
        out.flush();
    }

    private static String pad(String word) {
        return String.format("%-8s", word);
    }

    private static String time() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
