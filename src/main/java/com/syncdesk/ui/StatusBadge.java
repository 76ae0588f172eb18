package com.syncdesk.ui;

import javafx.scene.control.Label;

import com.syncdesk.persistence.EnumValue;
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
