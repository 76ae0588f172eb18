package com.syncdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where start-up time goes: with {@value #FILE_PROPERTY} naming a file, each milestone is appended to it once, as its
 * name and the wall-clock time in epoch milliseconds (whoever started the process subtracts the moment it did so: the
 * operating system's own start time of a process is only as precise as its boot time, a whole second). The start-up
 * benchmark and the installed-app test read it; with {@value #EXIT_PROPERTY} set the console closes itself once its first figures are shown.
 * Without the property nothing is written and nothing changes.
 */
public final class StartupTrace {

    public static final String FILE_PROPERTY = "syncdesk.startup.trace";
    public static final String EXIT_PROPERTY = "syncdesk.startup.exit";
    /** Set by the packaging build to {@code cli} or {@code console} for the runs it records the ahead-of-time caches from. */
    public static final String TRAINING_PROPERTY = "syncdesk.startup.training";

    /** The milestones, in the order they are reached. */
    public enum Milestone {
        /** {@code Launcher.main} runs: the JVM has started and loaded the launcher. */
        MAIN("main"),
        /** JavaFX is up and calls the application's start. */
        TOOLKIT("toolkit"),
        /** The main window is on the screen. */
        WINDOW_SHOWN("window-shown"),
        /** The first frame of the window has been laid out for painting. */
        FIRST_FRAME("first-frame"),
        /** The database is open and its services are ready. */
        CONNECTED("connected"),
        /** The dashboard shows the database's figures. */
        DATA_SHOWN("data-shown");

        private final String word;

        Milestone(String word) {
            this.word = word;
        }

        /** How the milestone is written in the trace file. */
        public String word() {
            return word;
        }
    }

    private static final Path FILE = fileFromProperty();
    private static final Set<Milestone> REACHED = EnumSet.noneOf(Milestone.class);
    private static final Map<Milestone, Runnable> ACTIONS = new EnumMap<>(Milestone.class);

    private StartupTrace() {
    }

    /** Whether milestones are recorded in this run. */
    public static boolean enabled() {
        return FILE != null;
    }

    /** Whether this run records an ahead-of-time cache: one of the packaging build's training runs ({@value #TRAINING_PROPERTY}). */
    public static boolean training() {
        return System.getProperty(TRAINING_PROPERTY) != null;
    }

    /** Whether the console should close itself once its first figures are shown (the benchmark and the packaging build start it so). */
    public static boolean exitsWhenDataShown() {
        return enabled() && Boolean.getBoolean(EXIT_PROPERTY);
    }

    /** Records the first time {@code milestone} is reached, then runs what waits for it. */
    public static void mark(Milestone milestone) {
        if (FILE == null) {
            return;
        }
        Runnable action;
        synchronized (StartupTrace.class) {
            if (!REACHED.add(milestone)) {
                return;
            }
            write(milestone.word() + " " + System.currentTimeMillis() + System.lineSeparator());
            action = ACTIONS.remove(milestone);
        }
        if (action != null) {
            action.run();
        }
    }

    /** Runs {@code action} when {@code milestone} is marked (once); recording must be enabled. */
    public static synchronized void when(Milestone milestone, Runnable action) {
        ACTIONS.put(milestone, action);
    }

    private static void write(String line) {
        try {
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the start-up trace " + FILE, e);
        }
    }

    private static Path fileFromProperty() {
        String file = System.getProperty(FILE_PROPERTY);
        return file == null || file.isBlank() ? null : Path.of(file);
    }
}
