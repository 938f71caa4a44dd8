package org.payrisk.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** payrisk's own version, from the build (recorded in every output for provenance). */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return e.g. {@code 0.1.0} */
    public static String get() {
        return VERSION;
    }
}
