package com.syncdesk.ui.shell;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the desktop console needs from the machine beyond a JDK, and what to say when JavaFX cannot start: one
 * paragraph naming what is missing and how to get it, instead of JavaFX's stack trace. The command line needs
 * none of it.
 */
public final class DesktopRequirements {

    /** The console cannot start on this machine; the message says why and what to install. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private DesktopRequirements() {
    }

    /** Before JavaFX starts: a Linux session without a display cannot show a window, whatever is installed. */
    public static Optional<String> preflight(String osName, Map<String, String> environment) {
        if (isLinux(osName) && blank(environment.get("DISPLAY")) && blank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of(paragraph("there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)", osName));
        }
        return Optional.empty();
    }

    /** The explanation of a failure to start JavaFX's window toolkit (its glass and prism layers, or their native libraries). */
    public static Optional<String> explain(Throwable failure, String osName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError || fromTheToolkit(t)) {
                return Optional.of(paragraph(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip(), osName));
            }
        }
        return Optional.empty();
    }

    private static boolean fromTheToolkit(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && (frames[0].getClassName().startsWith("com.sun.glass.") || frames[0].getClassName().startsWith("com.sun.prism.")
                || frames[0].getClassName().startsWith("com.sun.javafx.tk."));
    }

    static String paragraph(String reason, String osName) {
        return "SyncDesk's desktop console cannot start: " + reason.replaceFirst("\\.$", "") + ". " + needs(osName)
                + " The command line works without any of it: java -jar syncdesk.jar --help lists the commands.";
    }

    /** The runtime JavaFX needs on each system, as the README's prerequisites name it. */
    static String needs(String osName) {
        if (isLinux(osName)) {
            return "On Linux it needs a graphical session (X11, or Wayland with XWayland) and GTK 3 with the X11 libraries JavaFX "
                    + "loads: on Debian 12 or Ubuntu 22.04 sudo apt-get install libgtk-3-0 libxtst6 libxxf86vm1 libgl1 (Debian 13 and "
                    + "Ubuntu 24.04 name the first libgtk-3-0t64), on Fedora sudo dnf install gtk3 libXtst libXxf86vm mesa-libGL.";
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return "On macOS it needs a logged-in desktop session (not an SSH shell); nothing needs installing.";
        }
        return "On Windows it needs a desktop session and the Microsoft Visual C++ runtime (usually present).";
    }

    private static boolean isLinux(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
