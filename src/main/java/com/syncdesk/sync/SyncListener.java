package com.syncdesk.sync;

import com.syncdesk.jira.JiraWait;

/**
 * Follows a run: the console's progress and the command line's lines. Called on the run's thread, except
 * {@link #waiting}, which comes from the thread that waits; implementations must be quick and thread-safe.
 */
public interface SyncListener {

    SyncListener NONE = new SyncListener() {
    };

    default void started(SyncStart start) {
    }

    default void boardStarted(long boardId, String name, int index, int boards) {
    }

    /** After each page of entities: the run's counts so far. */
    default void progress(SyncProgress progress) {
    }

    default void boardFinished(BoardResult board) {
    }

    /** Each change a dry run would make (a real run reports counts only). */
    default void planned(PlannedChange change) {
    }

    default void waiting(JiraWait wait) {
    }
}
