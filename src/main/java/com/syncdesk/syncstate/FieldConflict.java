package com.syncdesk.syncstate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field on which SyncDesk (local) and JIRA (remote) disagree, as stored in {@code sync_metadata.conflicts}.
 *
 * @param base the field's value at the last successful sync, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldConflict(String field, JsonNode local, JsonNode remote, JsonNode base) {
}
