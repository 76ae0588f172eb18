package com.syncdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this SyncDesk is: its version as the build wrote it, and the Java runtime it runs on. */
public final class BuildInfo {

    private static final String RESOURCE = "build.properties";
    private static final String VERSION = read();

    private BuildInfo() {
    }

    /** The project's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** "SyncDesk 0.1.0-SNAPSHOT". */
    public static String nameAndVersion() {
        return "SyncDesk " + VERSION;
    }

    /** "Java 25.0.3+9-LTS (Eclipse Adoptium), Linux amd64": an installed SyncDesk brings its own runtime, so say which. */
    public static String runtime() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + "), "
                + System.getProperty("os.name", "") + " " + System.getProperty("os.arch", "");
    }

    private static String read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The build information " + RESOURCE + " is missing from this SyncDesk");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("The build did not fill in SyncDesk's version in " + RESOURCE);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
