package com.syncdesk.syncstate;

/** Sort order of a sync-state list; the row id always breaks ties in the same direction. */
public record SyncStateSort(SyncStateColumn column, boolean ascending) {

    public static final SyncStateSort DEFAULT = new SyncStateSort(SyncStateColumn.LAST_ATTEMPT, false);

    public static SyncStateSort by(SyncStateColumn column, boolean ascending) {
        return new SyncStateSort(column, ascending);
    }
}
