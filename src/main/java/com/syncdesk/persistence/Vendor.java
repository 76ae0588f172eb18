package com.syncdesk.persistence;

/** The two databases SyncDesk runs on; each has its own migration folder. */
public enum Vendor {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    /** The sub-folder of {@code migrations/} (and of {@code migrations/undo/}) holding this vendor's SQL. */
    public String folder() {
        return folder;
    }
}
