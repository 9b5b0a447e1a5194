package org.threshold.analysis.plot;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.threshold.runs.AtomicFile;

/** A picture of results that renders to an image of any size and writes itself as PNG. */
public interface Figure {

    /** Draws the figure into a new image of {@code width}×{@code height} pixels. */
    BufferedImage render(int width, int height);

    /** The size at which labels and points read well; it grows with the number of panels. */
    Dimension preferredSize();

    /** The figure as PNG bytes at its preferred size (for {@code HtmlReport.image(byte[], …)}). */
    default byte[] png() {
        Dimension size = preferredSize();
        return Png.encode(render(size.width, size.height));
    }

    /** Writes the figure at {@code width}×{@code height} as PNG (atomically: temp file, then move). */
    default void writePng(Path file, int width, int height) throws IOException {
        AtomicFile.write(file, Png.encode(render(width, height)));
    }

    /** Writes the figure at its {@link #preferredSize()}. */
    default void writePng(Path file) throws IOException {
        Dimension size = preferredSize();
        writePng(file, size.width, size.height);
    }
}
