-- Undo V9: drop the audit trail, then rebuild both versioned tables as V7 left them.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops table audit_log
-- @drops column sync_metadata.row_version
-- @drops column conflict_resolutions.row_version
-- @drops column conflict_resolutions.base_value
DROP TABLE audit_log;

CREATE TABLE sync_metadata_rebuild (
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
    resolution_strategy   VARCHAR(50)
        CONSTRAINT valid_resolution_strategy CHECK (resolution_strategy IS NULL
            OR resolution_strategy IN ('auto', 'manual', 'jira_wins', 'local_wins')),
    sync_duration_ms      INTEGER
        CONSTRAINT non_negative_duration CHECK (sync_duration_ms IS NULL OR sync_duration_ms >= 0),
    api_calls_count       INTEGER NOT NULL DEFAULT 0
        CONSTRAINT non_negative_api_calls CHECK (api_calls_count >= 0),
    conflicts             JSON,
    CONSTRAINT valid_entity_type CHECK (entity_type IN ('sprint', 'issue', 'project', 'board')),
    CONSTRAINT valid_sync_status CHECK (sync_status IN ('pending', 'in_progress', 'completed', 'failed', 'skipped')),
    CONSTRAINT non_negative_error_count CHECK (error_count >= 0),
    CONSTRAINT valid_sync_direction CHECK (sync_direction IN ('local_to_remote', 'remote_to_local', 'bidirectional'))
);
INSERT INTO sync_metadata_rebuild (id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt,
        last_successful_sync, error_count, last_error, sync_direction, sync_batch_id, content_hash,
        local_modified, remote_modified, created_at, updated_at,
        resolution_strategy, sync_duration_ms, api_calls_count, conflicts)
SELECT id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt,
       last_successful_sync, error_count, last_error, sync_direction, sync_batch_id, content_hash,
       local_modified, remote_modified, created_at, updated_at,
       resolution_strategy, sync_duration_ms, api_calls_count, conflicts
FROM sync_metadata;
DROP TABLE sync_metadata;
ALTER TABLE sync_metadata_rebuild RENAME TO sync_metadata;
CREATE UNIQUE INDEX idx_unique_entity ON sync_metadata (entity_type, entity_id);
CREATE INDEX idx_sync_status_type ON sync_metadata (sync_status, entity_type);
CREATE INDEX idx_sync_batch ON sync_metadata (sync_batch_id);
CREATE INDEX idx_sync_timestamps ON sync_metadata (last_sync_attempt, sync_status);
CREATE INDEX idx_sync_performance ON sync_metadata (sync_duration_ms, api_calls_count);

CREATE TABLE conflict_resolutions_rebuild (
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
INSERT INTO conflict_resolutions_rebuild (id, sync_metadata_id, conflict_type, field_name, local_value,
        remote_value, resolution_strategy, resolved_value, resolved_by, resolved_at, is_resolved,
        resolution_notes, created_at, updated_at)
SELECT id, sync_metadata_id, conflict_type, field_name, local_value,
       remote_value, resolution_strategy, resolved_value, resolved_by, resolved_at, is_resolved,
       resolution_notes, created_at, updated_at
FROM conflict_resolutions;
DROP TABLE conflict_resolutions;
ALTER TABLE conflict_resolutions_rebuild RENAME TO conflict_resolutions;
CREATE INDEX idx_conflict_status ON conflict_resolutions (is_resolved, conflict_type);
CREATE INDEX idx_conflict_sync ON conflict_resolutions (sync_metadata_id, is_resolved);
CREATE INDEX idx_conflict_resolution ON conflict_resolutions (resolved_at, resolution_strategy);
