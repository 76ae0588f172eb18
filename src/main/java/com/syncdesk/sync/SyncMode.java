package com.syncdesk.sync;

/** A full run reads everything in scope; an incremental one what changed since the last successful run. */
public enum SyncMode {
    FULL, INCREMENTAL;

    public String words() {
        return this == FULL ? "full" : "incremental";
    }
}
