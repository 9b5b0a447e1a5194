package org.threshold.analysis.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG encoding of a rendered figure. */
final class Png {

    private Png() {
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer available in this Java runtime");
            }
        } catch (IOException e) {
            // Writing to memory fails only if the encoder itself breaks.
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return bytes.toByteArray();
    }
}
