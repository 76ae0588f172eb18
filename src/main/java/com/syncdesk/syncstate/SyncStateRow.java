package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.StoredInstant;

/**
 * One sync state as a list shows it. Values are as stored: an unknown status or an unreadable
 * timestamp written by another client is carried as its text.
 *
 * @param label       the entity's human label (issue key, sprint or board name, project key), null when it has none
 * @param nextAttempt when a later run tries a transiently failed state again, null when none is planned
 * @param parkedAt    when the state was parked for a human after too many failures in a row, null when it is not
 */
public record SyncStateRow(long id, EnumValue<EntityType> entityType, String entityId, String jiraId,
                           EnumValue<SyncStatus> status, StoredInstant lastSyncAttempt, StoredInstant lastSuccessfulSync,
                           long errorCount, String lastError, EnumValue<SyncDirection> direction, String batchId,
                           String contentHash, StoredInstant localModified, StoredInstant remoteModified,
                           EnumValue<ResolutionStrategy> resolutionStrategy, Long durationMs, long apiCalls,
                           String conflictsJson, int openConflicts, int rowVersion,
                           StoredInstant createdAt, StoredInstant updatedAt, String label, StoredInstant nextAttempt,
                           StoredInstant parkedAt) {

    /** True when the sync engine parked the state: no run touches it until an operator retries it. */
    public boolean isParked() {
        return parkedAt != null;
    }

    public StoredConflicts conflicts() {
        return StoredConflicts.parse(conflictsJson);
    }
}
