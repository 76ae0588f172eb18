package com.syncdesk.cli;

/** The answer to "really destroy this?": given up front with --yes, asked on a terminal, or missing. */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * True when the operator agreed. Without --yes and without a terminal nobody can agree, so the
     * reason to pass --yes goes to stderr and the answer is no.
     */
    static boolean obtain(DatabaseCommand command, boolean yes, String question, String whyYesIsNeeded) {
        if (yes) {
            return true;
        }
        if (Terminal.isInteractive()) {
            command.out().flush();
            return Terminal.confirm(question);
        }
        command.err().println("syncdesk: " + whyYesIsNeeded + " There is no terminal to ask on: run again with --yes to confirm. Nothing was changed.");
        command.err().flush();
        return false;
    }
}
