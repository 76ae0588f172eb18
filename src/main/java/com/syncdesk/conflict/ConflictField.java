package com.syncdesk.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.EnumValue;

/**
 * One open conflict of an entity, values as JSON.
 *
 * @param name  the field name, or the conflict type's wire value for a whole-entity (deletion or creation) conflict
 * @param base  the value at the last successful sync, when known
 * @param problem why a stored value could not be read as JSON, if it could not (the raw text is then in the value as a string)
 */
public record ConflictField(long resolutionId, EnumValue<ConflictType> type, String name, JsonNode base, JsonNode local,
                            JsonNode remote, String problem) {

    public boolean isWholeEntity() {
        return !type.is(ConflictType.FIELD_CONFLICT);
    }

    public boolean differs() {
        return local == null ? remote != null : !local.equals(remote);
    }
}
