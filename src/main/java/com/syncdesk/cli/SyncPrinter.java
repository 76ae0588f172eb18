package com.syncdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import com.syncdesk.app.Texts;
import com.syncdesk.jira.JiraWait;
import com.syncdesk.sync.BoardResult;
import com.syncdesk.sync.PlannedChange;
import com.syncdesk.sync.SyncCounts;
import com.syncdesk.sync.SyncListener;
import com.syncdesk.sync.SyncProgress;
import com.syncdesk.sync.SyncStart;
import com.syncdesk.sync.SyncSummary;

/**
 * Shows a sync run: on a terminal one line redrawn in place as pages go by, otherwise one plain line per
 * finished board, which logs and scripts can read; a dry run's changes one per line; a summary at the end.
 */
final class SyncPrinter implements SyncListener {

    private final PrintWriter out;
    private final boolean terminal;
    private boolean lineOpen;

    SyncPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(SyncStart start) {
        StringBuilder line = new StringBuilder((start.dryRun() ? "Dry run: " : "") + capitalized(start.mode().words()) + " sync of "
                + Texts.count(start.boards().size(), "board") + " (" + start.batchId() + ")");
        if (start.since() != null) {
            line.append(", changes since the run of ").append(Texts.system().timestamp(start.since()));
        }
        out.println(line.append('.'));
        if (start.reclaimedRuns() > 0 || start.reclaimedStates() > 0) {
            out.println("Took up " + Texts.count(start.reclaimedStates(), "entity") + " left in progress by "
                    + Texts.count(start.reclaimedRuns(), "interrupted run") + ".");
        }
        out.flush();
    }

    @Override
    public synchronized void progress(SyncProgress progress) {
        if (!terminal) {
            return;
        }
        SyncCounts c = progress.counts();
        out.printf(Locale.ROOT, "\r[board %d/%d] %-24.24s %s entities, %s pulled, %s pushed, %s conflicts, %s failed, %s calls   ",
                progress.boardIndex(), progress.boards(), progress.boardName(), Texts.count(c.processed()), Texts.count(c.pulled()),
                Texts.count(c.pushed()), Texts.count(c.conflictsOpened()), Texts.count(c.failed()), Texts.count(progress.apiCalls()));
        out.flush();
        lineOpen = true;
    }

    @Override
    public synchronized void boardFinished(BoardResult board) {
        endLine();
        SyncCounts c = board.counts();
        out.println("Board " + board.id() + " (" + board.name() + "), " + board.mode().words() + ": "
                + (board.problem() != null ? "FAILED: " + board.problem()
                : Texts.count(c.processed(), "entity") + ", " + Texts.count(c.created()) + " created, " + Texts.count(c.pulled()) + " pulled, "
                + Texts.count(c.pushed()) + " pushed, " + Texts.count(c.conflictsOpened(), "conflict") + " opened, " + Texts.count(c.failed())
                + " failed, " + Texts.count(board.apiCalls(), "API call") + ", " + seconds(board.duration())));
        out.flush();
    }

    @Override
    public synchronized void planned(PlannedChange change) {
        endLine();
        out.println("  would " + change.change() + ": " + change.type().wire() + " " + change.entity());
        out.flush();
    }

    @Override
    public void waiting(JiraWait wait) {
        if (wait.reason() == JiraWait.Reason.RATE_LIMITED && terminal) {
            synchronized (this) {
                endLine();
                out.println(wait.describe());
                out.flush();
            }
        }
    }

    synchronized void summary(SyncSummary summary) {
        endLine();
        SyncCounts c = summary.counts();
        String how = switch (summary.outcome()) {
            case COMPLETED -> "completed";
            case CANCELLED -> "stopped on request";
            case REFUSED -> "refused by JIRA";
            case FAILED -> "failed";
        };
        out.println((summary.dryRun() ? "Dry run " : capitalized(summary.mode().words()) + " sync ") + how + " in " + seconds(summary.duration())
                + ": " + Texts.count(c.processed(), "entity") + " compared.");
        String verb = summary.dryRun() ? "would be " : "";
        out.println("  " + verb + "pulled " + Texts.count(c.pulled()) + ", " + verb + "pushed " + Texts.count(c.pushed()) + ", created "
                + Texts.count(c.created()) + ", deleted " + Texts.count(c.deleted()) + ", skipped " + Texts.count(c.skipped()));
        out.println("  conflicts opened " + Texts.count(c.conflictsOpened()) + ", resolved by the strategy " + Texts.count(c.conflictsResolved())
                + ", failed " + Texts.count(c.failed()) + ", parked " + Texts.count(c.parked()));
        out.println("  JIRA API calls " + Texts.count(summary.apiCalls()) + " (" + Texts.count(summary.searchCalls(), "search") + "), rate-limit waits "
                + Texts.count(summary.rateLimitWaits()) + (summary.waited().isZero() ? "" : " (" + seconds(summary.waited()) + " waited)"));
        if (summary.dryRun()) {
            out.println("Nothing was changed, here or in JIRA.");
        }
        out.flush();
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private static String seconds(Duration duration) {
        return Texts.millis((int) Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
