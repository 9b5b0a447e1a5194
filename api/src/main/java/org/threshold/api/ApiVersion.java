package org.threshold.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the plugin SPI ({@code threshold-api}). The build stamps the version a jar was
 * built against into its manifest ({@value #MANIFEST_ATTRIBUTE}); plugin discovery refuses a jar
 * of another major version and says which two versions differ, rather than letting it fail later
 * with a missing class or method. Within a major version the SPI only grows (new default methods,
 * new types), so a plugin built against an older minor version still loads.
 *
 * @param major breaking changes bump it
 * @param minor additions bump it
 * @param patch fixes bump it
 * @param text the version as written, e.g. {@code 0.1.0-SNAPSHOT}
 */
public record ApiVersion(int major, int minor, int patch, String text) {

    /** The manifest attribute holding the api version a plugin jar was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Threshold-Api-Version";

    // before CURRENT: static fields initialize in order
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?([-+.].*)?");

    /** The version of this api, from the build (threshold.api.version). */
    public static final ApiVersion CURRENT = readCurrent();

    /** "1.2.3", "1.2", "0.1.0-SNAPSHOT". */
    public static Optional<ApiVersion> parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text.strip()));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** The api version a jar's manifest names; empty when it names none. */
    public static Optional<String> stampedIn(Manifest manifest) {
        return Optional.ofNullable(manifest).map(m -> m.getMainAttributes().getValue(MANIFEST_ATTRIBUTE));
    }

    /** Whether a plugin built against {@code this} version works with {@code running}: the same major version. */
    public boolean loadsIn(ApiVersion running) {
        return major == running.major;
    }

    @Override
    public String toString() {
        return text;
    }

    private static ApiVersion readCurrent() {
        Properties properties = new Properties();
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("threshold-api is missing org/threshold/api/api-version.properties (a broken build)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read threshold-api's version", e);
        }
        String text = properties.getProperty("version", "");
        return parse(text).orElseThrow(() -> new IllegalStateException("threshold-api's version '" + text
                + "' is not a version (a broken build: threshold.api.version in the parent pom)"));
    }
}
