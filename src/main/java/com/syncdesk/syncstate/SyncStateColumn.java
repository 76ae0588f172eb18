package com.syncdesk.syncstate;

/** The columns a sync-state list can be sorted by; the SQL names are fixed here, never taken from input. */
public enum SyncStateColumn {
    ID("s.id"),
    ENTITY_TYPE("s.entity_type"),
    ENTITY_ID("s.entity_id"),
    JIRA_ID("s.jira_id"),
    STATUS("s.sync_status"),
    LAST_ATTEMPT("s.last_sync_attempt"),
    LAST_SUCCESS("s.last_successful_sync"),
    ERROR_COUNT("s.error_count"),
    LAST_ERROR("s.last_error"),
    DIRECTION("s.sync_direction"),
    BATCH("s.sync_batch_id"),
    DURATION("s.sync_duration_ms"),
    API_CALLS("s.api_calls_count"),
    UPDATED_AT("s.updated_at");

    private final String sql;

    SyncStateColumn(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
