package com.syncdesk.cli;

import java.io.PrintWriter;

import com.syncdesk.migration.MigrationProgress;

/**
 * Shows migration steps: on a terminal a bar redrawn in place, otherwise one plain line per finished
 * step, which logs and scripts can read.
 */
final class ProgressPrinter implements MigrationProgress {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onStep(Step step) {
        if (terminal) {
            int done = step.phase() == Phase.FINISHED ? step.index() : step.index() - 1;
            int filled = step.total() == 0 ? BAR_WIDTH : BAR_WIDTH * done / step.total();
            out.printf("\r[%s%s] %d/%d %-48.48s %6.1f s", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                    step.index(), step.total(), step.name(), step.elapsed().toMillis() / 1000.0);
            if (step.phase() == Phase.FINISHED && step.index() == step.total()) {
                out.println();
            }
        } else if (step.phase() == Phase.FINISHED) {
            out.printf("[%d/%d] %s done (%d ms)%n", step.index(), step.total(), step.name(), step.elapsed().toMillis());
        }
        out.flush();
    }
}
