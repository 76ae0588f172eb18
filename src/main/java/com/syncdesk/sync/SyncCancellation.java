package com.syncdesk.sync;

/**
 * Asks a running sync to stop: it finishes the entity (for JIRA's pages, the page) it is on, records what it
 * did and ends. Safe to call from any thread, a signal handler or the console's Cancel button.
 */
public final class SyncCancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
