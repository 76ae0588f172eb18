-- Architectural columns on sync_metadata, which stays the single source of truth for sync state.
ALTER TABLE sync_metadata
    ADD COLUMN resolution_strategy VARCHAR(50)
        CONSTRAINT valid_resolution_strategy CHECK (resolution_strategy IS NULL
            OR resolution_strategy IN ('auto', 'manual', 'jira_wins', 'local_wins')),
    ADD COLUMN sync_duration_ms INTEGER
        CONSTRAINT non_negative_duration CHECK (sync_duration_ms IS NULL OR sync_duration_ms >= 0),
    ADD COLUMN api_calls_count INTEGER NOT NULL DEFAULT 0
        CONSTRAINT non_negative_api_calls CHECK (api_calls_count >= 0),
    ADD COLUMN conflicts JSONB;
CREATE INDEX idx_sync_performance ON sync_metadata (sync_duration_ms, api_calls_count);

-- Legacy databases carry the sync_states table of the removed migration 6. Creating it when it
-- is absent lets one plain script merge it everywhere: on a SyncDesk database the merge is empty.
CREATE TABLE IF NOT EXISTS sync_states (
    id                    SERIAL PRIMARY KEY,
    entity_type           VARCHAR(50)  NOT NULL,
    entity_id             VARCHAR(100) NOT NULL,
    jira_id               VARCHAR(100),
    sync_status           VARCHAR(20)  NOT NULL,
    last_sync_attempt     TIMESTAMP,
    last_successful_sync  TIMESTAMP,
    conflicts             JSON,
    resolution_strategy   VARCHAR(50),
    sync_duration_ms      INTEGER,
    api_calls_count       INTEGER      NOT NULL DEFAULT 0,
    error_count           INTEGER      NOT NULL DEFAULT 0,
    last_error            TEXT,
    created_at            TIMESTAMP    NOT NULL,
    updated_at            TIMESTAMP,
    UNIQUE (entity_type, entity_id)
);

-- An entity in both tables: the row with the later last_sync_attempt wins the shared fields.
-- The legacy timestamps carry no zone; they were written in UTC.
UPDATE sync_metadata AS m
SET jira_id              = COALESCE(s.jira_id, m.jira_id),
    sync_status          = s.sync_status,
    last_sync_attempt    = s.last_sync_attempt AT TIME ZONE 'UTC',
    last_successful_sync = COALESCE(s.last_successful_sync AT TIME ZONE 'UTC', m.last_successful_sync),
    error_count          = s.error_count,
    last_error           = s.last_error,
    created_at           = s.created_at AT TIME ZONE 'UTC',
    updated_at           = s.updated_at AT TIME ZONE 'UTC'
FROM sync_states AS s
WHERE s.entity_type = m.entity_type
  AND s.entity_id = m.entity_id
  AND s.last_sync_attempt IS NOT NULL
  AND (m.last_sync_attempt IS NULL OR s.last_sync_attempt AT TIME ZONE 'UTC' > m.last_sync_attempt);

-- The fields only sync_states has always come from it.
UPDATE sync_metadata AS m
SET conflicts           = s.conflicts::jsonb,
    resolution_strategy = s.resolution_strategy,
    sync_duration_ms    = s.sync_duration_ms,
    api_calls_count     = s.api_calls_count
FROM sync_states AS s
WHERE s.entity_type = m.entity_type
  AND s.entity_id = m.entity_id;

INSERT INTO sync_metadata (entity_type, entity_id, jira_id, sync_status, last_sync_attempt,
                           last_successful_sync, error_count, last_error, conflicts,
                           resolution_strategy, sync_duration_ms, api_calls_count, created_at, updated_at)
SELECT s.entity_type, s.entity_id, s.jira_id, s.sync_status, s.last_sync_attempt AT TIME ZONE 'UTC',
       s.last_successful_sync AT TIME ZONE 'UTC', s.error_count, s.last_error, s.conflicts::jsonb,
       s.resolution_strategy, s.sync_duration_ms, s.api_calls_count,
       s.created_at AT TIME ZONE 'UTC', s.updated_at AT TIME ZONE 'UTC'
FROM sync_states AS s
WHERE NOT EXISTS (SELECT 1 FROM sync_metadata AS m
                  WHERE m.entity_type = s.entity_type AND m.entity_id = s.entity_id)
ORDER BY s.id;

DROP TABLE sync_states;
