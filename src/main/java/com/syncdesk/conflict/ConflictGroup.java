package com.syncdesk.conflict;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.EntityType;

/**
 * One entity with conflicts waiting: how many fields, which, and since when.
 *
 * @param label the entity's human label (issue key, sprint or board name, project key), null when it has none
 */
public record ConflictGroup(long stateId, EnumValue<EntityType> entityType, String entityId, String jiraId, String label,
                            int openFields, String fieldNames, StoredInstant waitingSince, StoredInstant lastSuccessfulSync) {
}
