-- Sync state per entity, conflicts awaiting resolution, and one row per sync run.

CREATE TABLE sync_metadata (
    id                    INTEGER PRIMARY KEY,
    entity_type           VARCHAR(50)  NOT NULL,
    entity_id             VARCHAR(100) NOT NULL,
    jira_id               VARCHAR(100),
    sync_status           VARCHAR(20)  NOT NULL DEFAULT 'pending',
    last_sync_attempt     TIMESTAMP,
    last_successful_sync  TIMESTAMP,
    error_count           INTEGER      NOT NULL DEFAULT 0,
    last_error            TEXT,
    sync_direction        VARCHAR(20)  NOT NULL DEFAULT 'bidirectional',
    sync_batch_id         VARCHAR(100),
    content_hash          VARCHAR(64),
    local_modified        TIMESTAMP,
    remote_modified       TIMESTAMP,
    created_at            TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at            TIMESTAMP,
    CONSTRAINT valid_entity_type CHECK (entity_type IN ('sprint', 'issue', 'project', 'board')),
    CONSTRAINT valid_sync_status CHECK (sync_status IN ('pending', 'in_progress', 'completed', 'failed', 'skipped')),
    CONSTRAINT non_negative_error_count CHECK (error_count >= 0),
    CONSTRAINT valid_sync_direction CHECK (sync_direction IN ('local_to_remote', 'remote_to_local', 'bidirectional'))
);
CREATE UNIQUE INDEX idx_unique_entity ON sync_metadata (entity_type, entity_id);
CREATE INDEX idx_sync_status_type ON sync_metadata (sync_status, entity_type);
CREATE INDEX idx_sync_batch ON sync_metadata (sync_batch_id);
CREATE INDEX idx_sync_timestamps ON sync_metadata (last_sync_attempt, sync_status);

CREATE TABLE conflict_resolutions (
    id                   INTEGER PRIMARY KEY,
    sync_metadata_id     INTEGER      NOT NULL REFERENCES sync_metadata (id) ON DELETE CASCADE,
    conflict_type        VARCHAR(50)  NOT NULL,
    field_name           VARCHAR(100),
    local_value          JSON,
    remote_value         JSON,
    resolution_strategy  VARCHAR(50)  NOT NULL DEFAULT 'manual',
    resolved_value       JSON,
    resolved_by          INTEGER REFERENCES operators (id) ON DELETE SET NULL,
    resolved_at          TIMESTAMP,
    is_resolved          BOOLEAN      NOT NULL DEFAULT 0,
    resolution_notes     TEXT,
    created_at           TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at           TIMESTAMP,
    CONSTRAINT valid_conflict_type CHECK (conflict_type IN ('field_conflict', 'deletion_conflict', 'creation_conflict')),
    CONSTRAINT valid_resolution_strategy CHECK (resolution_strategy IN ('auto', 'manual', 'jira_wins', 'local_wins'))
);
CREATE INDEX idx_conflict_status ON conflict_resolutions (is_resolved, conflict_type);
CREATE INDEX idx_conflict_sync ON conflict_resolutions (sync_metadata_id, is_resolved);
CREATE INDEX idx_conflict_resolution ON conflict_resolutions (resolved_at, resolution_strategy);

CREATE TABLE sync_history (
    id                   INTEGER PRIMARY KEY,
    operation_type       VARCHAR(50)  NOT NULL,
    entity_type          VARCHAR(50),
    batch_id             VARCHAR(100),
    entities_processed   INTEGER      NOT NULL DEFAULT 0,
    entities_created     INTEGER      NOT NULL DEFAULT 0,
    entities_updated     INTEGER      NOT NULL DEFAULT 0,
    entities_deleted     INTEGER      NOT NULL DEFAULT 0,
    entities_skipped     INTEGER      NOT NULL DEFAULT 0,
    conflicts_detected   INTEGER      NOT NULL DEFAULT 0,
    conflicts_resolved   INTEGER      NOT NULL DEFAULT 0,
    api_calls_made       INTEGER      NOT NULL DEFAULT 0,
    duration_seconds     DOUBLE PRECISION,
    status               VARCHAR(20)  NOT NULL DEFAULT 'pending',
    error_message        TEXT,
    sync_details         JSON,
    initiated_by         INTEGER REFERENCES operators (id) ON DELETE SET NULL,
    created_at           TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at           TIMESTAMP,
    CONSTRAINT valid_operation_type CHECK (operation_type IN ('full_sync', 'incremental_sync', 'conflict_resolution', 'webhook_sync')),
    CONSTRAINT valid_history_status CHECK (status IN ('pending', 'in_progress', 'completed', 'failed', 'skipped')),
    CONSTRAINT non_negative_counters CHECK (entities_processed >= 0 AND entities_created >= 0 AND entities_updated >= 0
        AND entities_deleted >= 0 AND entities_skipped >= 0 AND conflicts_detected >= 0
        AND conflicts_resolved >= 0 AND api_calls_made >= 0),
    CONSTRAINT non_negative_duration_seconds CHECK (duration_seconds IS NULL OR duration_seconds >= 0)
);
CREATE INDEX idx_history_operation_status ON sync_history (operation_type, status);
CREATE INDEX idx_history_batch ON sync_history (batch_id);
CREATE INDEX idx_history_created_status ON sync_history (created_at, status);
