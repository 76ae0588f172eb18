-- Undo V7: rebuild sync_metadata as V4 defined it. SQLite's DROP COLUMN refuses indexed
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops column sync_metadata.resolution_strategy
-- @drops column sync_metadata.sync_duration_ms
-- @drops column sync_metadata.api_calls_count
-- @drops column sync_metadata.conflicts
-- columns, so the table is rebuilt: create, copy every row, drop, rename, recreate indexes.
-- The runner turns foreign keys off around this step so conflict_resolutions keeps its rows.
DROP INDEX idx_sync_performance;

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
    CONSTRAINT valid_entity_type CHECK (entity_type IN ('sprint', 'issue', 'project', 'board')),
    CONSTRAINT valid_sync_status CHECK (sync_status IN ('pending', 'in_progress', 'completed', 'failed', 'skipped')),
    CONSTRAINT non_negative_error_count CHECK (error_count >= 0),
    CONSTRAINT valid_sync_direction CHECK (sync_direction IN ('local_to_remote', 'remote_to_local', 'bidirectional'))
);
INSERT INTO sync_metadata_rebuild (id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt,
        last_successful_sync, error_count, last_error, sync_direction, sync_batch_id, content_hash,
        local_modified, remote_modified, created_at, updated_at)
SELECT id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt,
       last_successful_sync, error_count, last_error, sync_direction, sync_batch_id, content_hash,
       local_modified, remote_modified, created_at, updated_at
FROM sync_metadata;
DROP TABLE sync_metadata;
ALTER TABLE sync_metadata_rebuild RENAME TO sync_metadata;
CREATE UNIQUE INDEX idx_unique_entity ON sync_metadata (entity_type, entity_id);
CREATE INDEX idx_sync_status_type ON sync_metadata (sync_status, entity_type);
CREATE INDEX idx_sync_batch ON sync_metadata (sync_batch_id);
CREATE INDEX idx_sync_timestamps ON sync_metadata (last_sync_attempt, sync_status);
