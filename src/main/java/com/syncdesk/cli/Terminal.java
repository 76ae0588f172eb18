package com.syncdesk.cli;

import java.io.Console;
import java.util.Locale;

/** The operator's terminal, when there is one: only then can SyncDesk ask before it destroys data. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Asks a yes/no question; anything but "y" or "yes" is a no. */
    static boolean confirm(String question) {
        String answer = System.console().readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().toLowerCase(Locale.ROOT).equals("y") || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
    }
}
