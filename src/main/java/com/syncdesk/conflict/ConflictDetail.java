package com.syncdesk.conflict;

import java.util.List;
import java.util.Map;

import com.syncdesk.syncstate.SyncStateRow;

/**
 * Everything a conflict dialog shows for one entity.
 *
 * @param entityRow the current local row (column → value), empty when the entity no longer exists locally
 * @param label     a human name for the entity: issue key, sprint or board name, project key
 */
public record ConflictDetail(SyncStateRow state, List<ConflictField> fields, Map<String, Object> entityRow, String label) {
}
