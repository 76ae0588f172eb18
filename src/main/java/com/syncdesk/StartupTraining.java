package com.syncdesk;

import java.util.List;

import com.syncdesk.app.StartupTrace;
import com.syncdesk.cli.SyncDeskCli;
import com.syncdesk.ui.shell.SyncDeskApp;

/**
 * The runs the packaging build records its ahead-of-time caches from, one per launcher, on a small demo database in
 * the data directory the build gives ({@code -Dsyncdesk.home}), which the build fills beforehand in a run of its own
 * (demo-data's classes in the command line's cache made every command's start slower): {@code cli} runs a few
 * commands, {@code console} opens the console until its first figures are shown ({@link StartupTrace#EXIT_PROPERTY}).
 * What a run loads and links, its launcher finds ready at start; each cache holds only its own face of SyncDesk, so
 * the command line does not map the console's classes at every start. {@link Launcher} runs it when
 * {@value StartupTrace#TRAINING_PROPERTY} names the run.
 */
final class StartupTraining {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("status"),
            List.of("stats", "--json"),
            List.of("history", "--limit", "5"));

    private StartupTraining() {
    }

    static void run(String face) {
        switch (face) {
            case "cli" -> commands();
            case "console" -> console();
            default -> throw new IllegalArgumentException("-D" + StartupTrace.TRAINING_PROPERTY + " is cli or console, not " + face);
        }
    }

    private static void commands() {
        for (List<String> command : COMMANDS) {
            int exitCode = SyncDeskCli.run(command.toArray(String[]::new));
            if (exitCode != 0) {
                throw new IllegalStateException("The training command " + String.join(" ", command) + " exited with " + exitCode);
            }
        }
    }

    private static void console() {
        if (!StartupTrace.exitsWhenDataShown()) {
            throw new IllegalStateException("The console's training run needs -D" + StartupTrace.FILE_PROPERTY + "=FILE and -D"
                    + StartupTrace.EXIT_PROPERTY + "=true, or the console would stay open");
        }
        SyncDeskApp.launchConsole(new String[0]);
    }
}
