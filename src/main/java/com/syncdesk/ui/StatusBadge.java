package com.syncdesk.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import com.syncdesk.app.Texts;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStatus;

/** The coloured pill a sync status is shown as (classes in syncdesk.css). */
public final class StatusBadge {

    private StatusBadge() {
    }

    /**
     * A pending state that has failed before shows as "retrying" with its failure count, so a retried
     * entity neither turns green nor stays red; a value this version does not know is shown as stored.
     */
    public static Label of(EnumValue<SyncStatus> status, long errorCount) {
        Label badge = new Label();
        update(badge, status, errorCount);
        return badge;
    }

    public static void update(Label badge, EnumValue<SyncStatus> status, long errorCount) {
        badge.getStyleClass().setAll("label", "status-badge", styleClass(status, errorCount));
        badge.setText(text(status, errorCount));
    }

    /**
     * A sync state's badge, which also tells what the engine plans for a failed one: "retrying · last attempt failed
     * (2×)" with the next attempt's time as its tooltip when a later run will try again, "parked after 5 failures"
     * when it waits for a human.
     */
    public static void update(Label badge, SyncStateRow row, Texts texts) {
        if (row.status().is(SyncStatus.FAILED) && row.isParked()) {
            badge.getStyleClass().setAll("label", "status-badge", "parked");
            badge.setText("parked after " + Texts.count(row.errorCount(), "failure"));
            badge.setTooltip(new Tooltip("Parked " + texts.timestamp(row.parkedAt()) + ": no run touches it until it is retried"));
        } else if (row.status().is(SyncStatus.FAILED) && row.nextAttempt() != null) {
            badge.getStyleClass().setAll("label", "status-badge", "retrying");
            badge.setText("retrying · last attempt failed (" + row.errorCount() + "×)");
            badge.setTooltip(new Tooltip("Next attempt " + texts.timestamp(row.nextAttempt())));
        } else {
            update(badge, row.status(), row.errorCount());
            badge.setTooltip(null);
        }
    }

    public static String text(EnumValue<SyncStatus> status, long errorCount) {
        if (status.is(SyncStatus.PENDING) && errorCount > 0) {
            return "retrying · failed " + errorCount + "×";
        }
        return status.isKnown() ? status.known().words() : status.wire() + " (unknown)";
    }

    static String styleClass(EnumValue<SyncStatus> status, long errorCount) {
        if (status.is(SyncStatus.PENDING) && errorCount > 0) {
            return "retrying";
        }
        return status.isKnown() ? status.known().wire() : "unknown";
    }
}
