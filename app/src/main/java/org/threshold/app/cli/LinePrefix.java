package org.threshold.app.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Lines written to a shared writer, each starting with a prefix: the members of a stack (SPEC
 * section 10) log into one output, each line naming its point. Whole lines are written under the
 * shared writer's lock, so two members' lines do not interleave.
 */
final class LinePrefix extends Writer {

    private final PrintWriter out;
    private final String prefix;
    private final StringBuilder line = new StringBuilder();

    private LinePrefix(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    /** A writer whose every line goes to {@code out} behind {@code prefix}. */
    static PrintWriter of(PrintWriter out, String prefix) {
        return new PrintWriter(new LinePrefix(out, prefix), true);
    }

    /** {@code text}, each of its lines behind {@code prefix}. */
    static String lines(String prefix, String text) {
        StringBuilder s = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (!l.isEmpty()) {
                s.append(prefix).append(l).append('\n');
            }
        }
        return s.toString();
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        synchronized (line) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    emit();
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }
    }

    private void emit() {
        synchronized (out) {
            out.println(prefix + line);
            out.flush();
        }
        line.setLength(0);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        synchronized (line) {
            if (!line.isEmpty()) {
                emit();
            }
        }
    }
}
