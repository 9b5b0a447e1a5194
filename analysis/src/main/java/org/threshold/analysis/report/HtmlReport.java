package org.threshold.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.Table;

/**
 * A self-contained HTML report: inline CSS and every picture embedded as a base64 data URI, so the
 * single file can be mailed or archived and still shows everything. Blocks appear in the order
 * they are added; all text is HTML-escaped.
 *
 * <pre>{@code
 * HtmlReport.titled("Sweep: triplets mod 10")
 *         .heading("Transition points").table(points).image(dir.resolve("transition.png"), "Accuracy vs parameters")
 *         .write(dir.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.45;padding:0 1em}
            h1{font-size:1.6em;border-bottom:2px solid #ddd;padding-bottom:.2em}
            h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #eee}
            table{border-collapse:collapse;margin:.8em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            tr:nth-child(even) td{background:#fafafa}
            td.number{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1em 0}
            figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.9em;color:#555}
            pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.88em}
            p.note{color:#8a5a00}
            """;

    private final String title;
    private final List<String> blocks;

    private HtmlReport(String title, List<String> blocks) {
        this.title = title;
        this.blocks = blocks;
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title, new ArrayList<>());
    }

    /** A section heading (h2). */
    public HtmlReport heading(String text) {
        blocks.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    public HtmlReport paragraph(String text) {
        blocks.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /** A caveat a reader must not miss, set apart in colour. */
    public HtmlReport note(String text) {
        blocks.add("<p class=\"note\">" + escape(text) + "</p>");
        return this;
    }

    /** Text shown as is, in a monospace block: the command that produced the results, a config. */
    public HtmlReport preformatted(String text) {
        blocks.add("<pre>" + escape(text) + "</pre>");
        return this;
    }

    /** A table; cells that read as numbers are right-aligned. */
    public HtmlReport table(Table table) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        for (String column : table.columns()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append(isNumber(cell) ? "<td class=\"number\">" : "<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>");
        blocks.add(html.toString());
        return this;
    }

    /** A PNG picture, read now and embedded in the page. */
    public HtmlReport image(Path png, String caption) throws IOException {
        return image(Files.readAllBytes(png), caption);
    }

    /** PNG bytes embedded in the page. */
    public HtmlReport image(byte[] png, String caption) {
        if (png.length < 8 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("picture \"" + caption + "\" is not a PNG file");
        }
        blocks.add("<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption) + "</figcaption></figure>");
        return this;
    }

    /** The whole page. */
    public String render() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String block : blocks) {
            html.append(block).append('\n');
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** Writes the page atomically. */
    public void write(Path file) throws IOException {
        AtomicFile.writeText(file, render());
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?");
    }
}
