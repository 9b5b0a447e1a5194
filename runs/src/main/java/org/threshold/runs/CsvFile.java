package org.threshold.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, which pandas ({@code read_csv}) and R ({@code read.csv}) load without
 * options: a header row, comma separators, CRLF line ends, UTF-8 without a byte-order mark, and a
 * field in double quotes (with its quotes doubled) exactly when it holds a comma, a quote, a line
 * break or leading/trailing spaces (which readers would otherwise trim).
 */
public final class CsvFile {

    private CsvFile() {
    }

    /** Writes {@code table} to {@code file} atomically. */
    public static void write(Path file, Table table) throws IOException {
        AtomicFile.writeText(file, format(table));
    }

    public static String format(Table table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns());
        for (List<String> row : table.rows()) {
            line(csv, row);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || (!value.isEmpty() && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
