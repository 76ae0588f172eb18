package com.syncdesk.sync;

import java.util.List;
import java.util.Objects;

/**
 * What to sync: everything in the connection's scope or some of its boards, in full (every entity in scope is
 * read from JIRA and compared) or incrementally (only what changed since the last successful run), or only
 * look (a dry run changes nothing on either side).
 *
 * @param boards   boards to sync, all of the connection's when empty
 * @param operator who started the run, for {@code sync_history.initiated_by}
 */
public record SyncRequest(boolean full, List<Long> boards, boolean dryRun, String operator) {

    public SyncRequest {
        boards = List.copyOf(boards == null ? List.of() : boards);
        Objects.requireNonNull(operator, "operator");
    }

    public static SyncRequest incremental(String operator) {
        return new SyncRequest(false, List.of(), false, operator);
    }

    public SyncRequest asFull() {
        return new SyncRequest(true, boards, dryRun, operator);
    }

    public SyncRequest onBoards(List<Long> ids) {
        return new SyncRequest(full, ids, dryRun, operator);
    }

    public SyncRequest asDryRun() {
        return new SyncRequest(full, boards, true, operator);
    }
}
