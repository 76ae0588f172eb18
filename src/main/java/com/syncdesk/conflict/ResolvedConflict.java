package com.syncdesk.conflict;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.EntityType;

/**
 * A conflict closed recently: who, when, how.
 *
 * @param label the entity's human label (issue key, sprint or board name, project key), null when it has none
 */
public record ResolvedConflict(long id, long stateId, EnumValue<EntityType> entityType, String entityId, String label, String field,
                               String strategy, String resolvedValue, String resolvedBy, StoredInstant resolvedAt, String notes) {
}
