package com.syncdesk.sync;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStatus;

/**
 * A sync state as a run reads it, with its snapshot.
 *
 * @param base      the snapshot's fields, null before the first successful sync
 * @param localModified the local row's updated_at when the run last wrote or saw it
 * @param seen      what JIRA held on fields an operator resolved since the snapshot was taken
 * @param conflicts whether conflicts wait for a human
 */
record Tracked(long id, String entityId, String jiraId, EnumValue<SyncStatus> status, int rowVersion, int errorCount,
               EnumValue<SyncDirection> direction, boolean conflicts, Instant nextAttemptAt, Instant parkedAt, Instant lastAttempt,
               Instant remoteModified, Instant localModified, Fields base, Instant baseTakenAt, Map<String, JsonNode> seen) {

    /** A creation in JIRA that a run started: its origin marks the issue JIRA may have made before the run died. */
    static final String PENDING_CREATION = "pending:";

    boolean is(SyncStatus value) {
        return status.is(value);
    }

    SyncDirection directionOrDefault() {
        return direction.value().orElse(SyncDirection.BIDIRECTIONAL);
    }

    boolean creationUnderway() {
        return jiraId != null && jiraId.startsWith(PENDING_CREATION);
    }

    Long localId() {
        try {
            return entityId == null ? null : Long.parseLong(entityId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Tracked withSeen(Map<String, JsonNode> resolved) {
        return new Tracked(id, entityId, jiraId, status, rowVersion, errorCount, direction, conflicts, nextAttemptAt, parkedAt, lastAttempt,
                remoteModified, localModified, base, baseTakenAt, resolved);
    }

    /** Whether the local row changed since the run last wrote or saw it (a row without a record of that counts as changed). */
    boolean localChangedSince(LocalRow local) {
        return local != null && (localModified == null || local.updatedAt() == null || !localModified.equals(local.updatedAt()));
    }
}
