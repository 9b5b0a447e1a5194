package org.threshold.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.plot.AttentionHeatMap;
import org.threshold.runs.Table;

class HtmlReportTest {

    @TempDir
    Path directory;

    @Test
    void reportIsOneSelfContainedFileWithTheSectionsInOrder() throws Exception {
        Path png = directory.resolve("attention.png");
        new AttentionHeatMap("attention", List.of("a", "b"), new double[][] {{1, 0}, {0.5, 0.5}}).writePng(png, 300, 260);
        Table points = Table.withColumns("mixture", "transition", "runs above").row("SUM", "above 53.0k", "0 of 12").build();
        Path html = directory.resolve("report.html");

        HtmlReport.titled("Sweep: triplets mod 10")
                .heading("Transition points")
                .table(points)
                .note("SUM 900: no fit, all runs below 50%")
                .heading("Pictures")
                .image(png, "attention of one example")
                .preformatted("threshold analyze runs/sweep")
                .write(html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n");
        assertThat(page).contains("<h1>Sweep: triplets mod 10</h1>", "<h2>Transition points</h2>", "<h2>Pictures</h2>",
                "<th>mixture</th>", "<td>above 53.0k</td>", "<pre>threshold analyze runs/sweep</pre>",
                "<figcaption>attention of one example</figcaption>");
        assertThat(page.indexOf("Transition points")).isLessThan(page.indexOf("Pictures"));
        // The picture travels inside the page: no reference to another file.
        String encoded = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        assertThat(page).contains("src=\"data:image/png;base64," + encoded + "\"").doesNotContain("attention.png");
    }

    @Test
    void textIsEscaped() {
        String page = HtmlReport.titled("a < b & c").paragraph("<script>alert('x')</script>").render();

        assertThat(page).contains("<title>a &lt; b &amp; c</title>", "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
                .doesNotContain("<script>");
    }

    @Test
    void numbersAreRightAligned() {
        String page = HtmlReport.titled("t").table(Table.withColumns("a", "b").row("SUM", "31.2").row("x", "-1e-5").build()).render();

        assertThat(page).contains("<td>SUM</td><td class=\"number\">31.2</td>", "<td class=\"number\">-1e-5</td>");
    }

    @Test
    void aFileThatIsNotAPngIsRejected() {
        assertThatThrownBy(() -> HtmlReport.titled("t").image("GIF89a...".getBytes(StandardCharsets.US_ASCII), "gif"))
                .hasMessageContaining("\"gif\" is not a PNG file");
    }
}
