package org.threshold.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path directory;

    @Test
    void plainCellsAreWrittenAsTheyAreWithAHeaderAndCrlfLineEnds() {
        Table table = Table.withColumns("mixture", "parameters", "test_accuracy").row("SUM", 14096, 0.53).build();

        assertThat(CsvFile.format(table)).isEqualTo("mixture,parameters,test_accuracy\r\nSUM,14096,0.53\r\n");
    }

    @Test
    void fieldsWithCommasQuotesLineBreaksOrEdgeSpacesAreQuotedWithQuotesDoubled() {
        assertThat(CsvFile.field("MAX,MED")).isEqualTo("\"MAX,MED\"");
        assertThat(CsvFile.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFile.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFile.field(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvFile.field("MAX+MED+SUM")).isEqualTo("MAX+MED+SUM");
        assertThat(CsvFile.field("")).isEmpty();
    }

    @Test
    void writtenFileParsesBackToTheSameCellsUnderRfc4180() throws Exception {
        Table table = Table.withColumns("mixture", "note", "accuracy")
                .row("MAX+MED+SUM", "a, b and \"c\"", "0.875")
                .row("SUM", "line one\r\nline two", "")
                .row("é ünïcode", " lead", "1e-5")
                .build();
        Path csv = directory.resolve("summary.csv");

        CsvFile.write(csv, table);

        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).isNotEmpty();
        // UTF-8 without a byte-order mark, so the first column is named "mixture", not "\uFEFFmixture".
        assertThat(bytes[0]).isEqualTo((byte) 'm');
        List<List<String>> parsed = parse(new String(bytes, StandardCharsets.UTF_8));
        assertThat(parsed.get(0)).isEqualTo(table.columns());
        assertThat(parsed.subList(1, parsed.size())).isEqualTo(table.rows());
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThatThrownBy(() -> Table.withColumns("a", "b").row("only one").build())
                .hasMessageContaining("row 1 has 1 cells, the table has 2 columns");
    }

    /** A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything. */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare quote or line break outside quotes at " + i).isNotIn('"', '\r', '\n');
                field.append(c);
                i++;
            }
        }
        assertThat(record).as("file ends with CRLF").isEmpty();
        return records;
    }
}
