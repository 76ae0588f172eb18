package com.syncdesk.ui.migrations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.syncdesk.migration.DataLoss;
import com.syncdesk.migration.MigrationProgress;

/** How the migration panel words times, sizes, steps and losses. */
final class MigrationTexts {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MigrationTexts() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    static String millis(Integer ms) {
        if (ms == null) {
            return "";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String elapsed(Duration duration) {
        return millis((int) Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A log line for one step, e.g. "Step 2 of 3 finished after 0.4 s: Upgrade to 8 (add sprint jira metadata)". */
    static String logLine(MigrationProgress.Step step) {
        return switch (step.phase()) {
            case STARTED -> "Step " + step.index() + " of " + step.total() + " started: " + step.name();
            case FINISHED -> "Step " + step.index() + " of " + step.total() + " finished after " + elapsed(step.elapsed()) + ": " + step.name();
        };
    }

    /** One dropped table or column in words, e.g. "Column sprints.sync_status: 1,204 values will be lost (undo of version 8)". */
    static String loss(DataLoss loss) {
        String what = loss.drop().isTable() ? "Table " + loss.drop().table() : "Column " + loss.drop().table() + "." + loss.drop().column();
        String amount;
        if (loss.values() == 0) {
            amount = loss.drop().isTable() ? "empty, nothing is lost" : "holds no values, nothing is lost";
        } else {
            amount = count(loss.values()) + (loss.drop().isTable() ? (loss.values() == 1 ? " row" : " rows") : (loss.values() == 1 ? " value" : " values"))
                    + " will be lost";
        }
        return what + ": " + amount + " (undo of version " + loss.version() + ")";
    }
}
