package com.syncdesk.conflict;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.EntityType;

/** One entity with conflicts waiting: how many fields, which, and since when. */
public record ConflictGroup(long stateId, EnumValue<EntityType> entityType, String entityId, String jiraId,
                            int openFields, String fieldNames, StoredInstant waitingSince, StoredInstant lastSuccessfulSync) {
}
