package com.syncdesk.cli;

import java.io.PrintWriter;

/** A one-line progress bar on a terminal; without a terminal, nothing (scripts read the final summary). */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final boolean terminal = System.console() != null;
    private int lastPercent = -1;

    ProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    void update(long done, long total) {
        if (!terminal || total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        out.flush();
    }

    void done() {
        if (terminal && lastPercent >= 0) {
            out.println();
        }
    }
}
