package org.threshold.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text under named columns: what {@link CsvFile} and {@link HtmlReport} write. Cells are
 * text so that the caller decides how a number reads (full precision for CSV, rounded for HTML).
 *
 * <pre>{@code
 * Table t = Table.withColumns("mixture", "parameters", "test_accuracy").row("SUM", "14096", "0.53").build();
 * }</pre>
 */
public record Table(List<String> columns, List<List<String>> rows) {

    public Table {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<List<String>> copied = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + row.size() + " cells, the table has "
                        + columns.size() + " columns " + columns);
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    public static Builder withColumns(String... columns) {
        return new Builder(Arrays.asList(columns));
    }

    public static Builder withColumns(List<String> columns) {
        return new Builder(columns);
    }

    /** Collects rows in order; each row must have one cell per column. */
    public static final class Builder {

        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        /** Cells are written with {@link String#valueOf(Object)}. */
        public Builder row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }

        public Builder row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        public Table build() {
            return new Table(columns, rows);
        }
    }
}
