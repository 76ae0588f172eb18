package com.syncdesk.sync;

/**
 * What a run did, entity by entity.
 *
 * @param processed         entities compared
 * @param created           created locally or in JIRA
 * @param updated           changed locally or in JIRA
 * @param deleted           deleted locally or in JIRA
 * @param skipped           left alone: skipped or parked states, conflicts waiting, failures not due, an operator's change meanwhile
 * @param pulled            entities that took JIRA's values
 * @param pushed            entities whose values went to JIRA
 * @param conflictsDetected conflicts found (opened for a human, or resolved by the strategy)
 * @param conflictsResolved conflicts the connection's strategy resolved
 * @param failed            entities whose sync failed in this run
 * @param parked            of those, parked for a human after too many failures in a row
 */
public record SyncCounts(int processed, int created, int updated, int deleted, int skipped, int pulled, int pushed, int conflictsDetected,
                         int conflictsResolved, int failed, int parked) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int conflictsOpened() {
        return conflictsDetected - conflictsResolved;
    }

    SyncCounts plus(SyncCounts other) {
        return new SyncCounts(processed + other.processed, created + other.created, updated + other.updated, deleted + other.deleted,
                skipped + other.skipped, pulled + other.pulled, pushed + other.pushed, conflictsDetected + other.conflictsDetected,
                conflictsResolved + other.conflictsResolved, failed + other.failed, parked + other.parked);
    }
}
