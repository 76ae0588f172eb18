package com.syncdesk.sync;

import java.util.List;
import java.util.Objects;

/**
 * What to sync: everything in the connection's scope or some of its boards, in full (every entity in scope is
 * read from JIRA and compared) or incrementally (only what changed since the last successful run), or only
 * look (a dry run changes nothing on either side); or only some sync states, each read from JIRA and compared now.
 *
 * @param boards   boards to sync, all of the connection's when empty
 * @param states   sync states to sync now, instead of the boards' changes, when not empty
 * @param operator who started the run, for {@code sync_history.initiated_by}
 */
public record SyncRequest(boolean full, List<Long> boards, List<Long> states, boolean dryRun, String operator) {

    public SyncRequest {
        boards = List.copyOf(boards == null ? List.of() : boards);
        states = List.copyOf(states == null ? List.of() : states);
        Objects.requireNonNull(operator, "operator");
    }

    public SyncRequest(boolean full, List<Long> boards, boolean dryRun, String operator) {
        this(full, boards, List.of(), dryRun, operator);
    }

    public static SyncRequest incremental(String operator) {
        return new SyncRequest(false, List.of(), false, operator);
    }

    /** "Sync this entity now": these states only, failed ones without waiting for their next attempt. */
    public static SyncRequest entities(List<Long> stateIds, String operator) {
        if (stateIds == null || stateIds.isEmpty()) {
            throw new IllegalArgumentException("No sync states to sync");
        }
        return new SyncRequest(false, List.of(), stateIds, false, operator);
    }

    public boolean forEntities() {
        return !states.isEmpty();
    }

    public SyncRequest asFull() {
        return new SyncRequest(true, boards, states, dryRun, operator);
    }

    public SyncRequest onBoards(List<Long> ids) {
        return new SyncRequest(full, ids, states, dryRun, operator);
    }

    public SyncRequest asDryRun() {
        return new SyncRequest(full, boards, states, true, operator);
    }
}
