package com.syncdesk;

import java.util.List;

import com.syncdesk.app.StartupTrace;
import com.syncdesk.cli.SyncDeskCli;
import com.syncdesk.ui.shell.SyncDeskApp;

/**
 * The run the packaging build records its ahead-of-time cache from: both faces of SyncDesk in one JVM, on a small
 * demo database in the data directory the build gives ({@code -Dsyncdesk.home}) — a few commands, then the console
 * until its first figures are shown ({@link StartupTrace#EXIT_PROPERTY}). What these load and link, the packaged
 * SyncDesk finds ready at start. {@link Launcher} runs it when {@value StartupTrace#TRAINING_PROPERTY} is true.
 */
final class StartupTraining {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("demo-data", "--entities", "300", "--seed", "1"),
            List.of("status"),
            List.of("stats", "--json"),
            List.of("history", "--limit", "5"));

    private StartupTraining() {
    }

    static void run() {
        if (!StartupTrace.exitsWhenDataShown()) {
            throw new IllegalStateException("The training run needs -D" + StartupTrace.FILE_PROPERTY + "=FILE and -D"
                    + StartupTrace.EXIT_PROPERTY + "=true, or the console would stay open");
        }
        for (List<String> command : COMMANDS) {
            int exitCode = SyncDeskCli.run(command.toArray(String[]::new));
            if (exitCode != 0) {
                throw new IllegalStateException("The training command " + String.join(" ", command) + " exited with " + exitCode);
            }
        }
        SyncDeskApp.launchConsole(new String[0]);
    }
}
