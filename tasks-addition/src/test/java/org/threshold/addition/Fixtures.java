package org.threshold.addition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The pairs python3 wrote (src/test/python/adderboard_fixtures.py), read from the test resources. */
final class Fixtures {

    private Fixtures() {
    }

    /** One pair per line, {@code a b} in decimal. */
    static List<Operands> pairs(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource + "; run src/test/python/adderboard_fixtures.py");
            }
            List<Operands> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] parts = line.split(" ");
                out.add(new Operands(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
