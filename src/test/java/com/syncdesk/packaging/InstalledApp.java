package com.syncdesk.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.syncdesk.testing.CliRun;

/**
 * The app image the package profile built (its paths come from the build as system properties), run through its own
 * launcher as an operator runs it: no Maven, no test classpath, only the jlinked runtime and the jar inside the image.
 */
final class InstalledApp {

    private InstalledApp() {
    }

    static Path image() {
        return Path.of(required("syncdesk.package.image"));
    }

    /** The console's launcher (the desktop entry starts it). */
    static Path consoleLauncher() {
        return Path.of(required("syncdesk.package.launcher"));
    }

    /** The command line's launcher (the package links {@code syncdesk} on the PATH to it). */
    static Path cliLauncher() {
        return Path.of(required("syncdesk.package.cli.launcher"));
    }

    /** The folder with the jar and the ahead-of-time cache. */
    static Path appFolder() {
        return Path.of(required("syncdesk.package.app"));
    }

    /** target/syncdesk.jar, the plain jar the image was made from. */
    static Path plainJar() {
        return Path.of(required("syncdesk.package.jar"));
    }

    static String expectedVersion() {
        return required("syncdesk.expected.version");
    }

    /**
     * Runs the command line's launcher with {@code args} and the data directory {@code home}; {@code environment} adds
     * variables (JAVA_TOOL_OPTIONS reaches the launcher's JVM, as it would an operator's).
     */
    static CliRun run(Path home, Map<String, String> environment, String... args) {
        return run(cliLauncher(), home, environment, args);
    }

    static CliRun run(Path home, String... args) {
        return run(home, Map.of(), args);
    }

    /** Runs the console's launcher without arguments. */
    static CliRun console(Path home, Map<String, String> environment) {
        return run(consoleLauncher(), home, environment);
    }

    /** Runs {@code launcher}, the image's or a copy's, as {@link #run(Path, Map, String...)} does. */
    static CliRun run(Path launcher, Path home, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SYNCDESK_PASSWORD");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("SYNCDESK_HOME", home.toString());
        builder.environment().putAll(environment);
        try {
            return CliRun.finished(builder.start(), "The installed SyncDesk did not end within 120 s: " + String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set: run this test through the package profile (mvn -Ppackage verify)");
        }
        return value;
    }
}
