package com.syncdesk.cli;

import java.io.Console;

/** Asks before an action changes many rows: on a terminal a y/N question; without one, only --yes proceeds. */
final class Confirmation {

    private Confirmation() {
    }

    /** @return true to go on */
    static boolean confirm(String question, boolean yes) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"));
    }

    static String declined(String question) {
        return question + " Not confirmed: nothing was changed. Add --yes to run without a question.";
    }
}
