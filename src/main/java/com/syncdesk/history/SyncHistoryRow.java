package com.syncdesk.history;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.SyncStatus;

/** One sync run as the history list shows it; stored values are kept as written. */
public record SyncHistoryRow(long id, StoredInstant startedAt, EnumValue<OperationType> operation, String entityType,
                             String batchId, int processed, int created, int updated, int deleted, int skipped,
                             int conflictsDetected, int conflictsResolved, int apiCalls, Double durationSeconds,
                             EnumValue<SyncStatus> status, String errorMessage, String initiatedBy) {
}
