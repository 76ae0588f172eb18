-- The dashboard's figures kept up to date by the writes themselves, and an index that serves a
-- page of one status sorted by last attempt in index order.
--
-- The count tables are derived from sync_metadata: triggers keep them in step with every write,
-- whichever program makes it, so the statistics read a few hundred rows instead of a million.
-- Readers sum per key (the PostgreSQL tables hold several delta rows per key) and skip zero sums.

-- Replaces (sync_status, entity_type): a status page sorted by last attempt walks this index (type
-- filtered from the entry) instead of sorting every state of the status, and the failures of the last
-- hours are one range.
DROP INDEX idx_sync_status_type;
CREATE INDEX idx_sync_status_attempt ON sync_metadata (sync_status, last_sync_attempt, entity_type);

CREATE TABLE sync_state_counts (
    entity_type      VARCHAR(50) NOT NULL,
    sync_status      VARCHAR(20) NOT NULL,
    states           INTEGER     NOT NULL,
    durations        INTEGER     NOT NULL,
    duration_ms_sum  INTEGER     NOT NULL,
    api_calls        INTEGER     NOT NULL,
    PRIMARY KEY (entity_type, sync_status)
) WITHOUT ROWID;

CREATE TABLE sync_duration_counts (
    entity_type       VARCHAR(50) NOT NULL,
    sync_duration_ms  INTEGER     NOT NULL,
    states            INTEGER     NOT NULL,
    PRIMARY KEY (entity_type, sync_duration_ms)
) WITHOUT ROWID;

-- Failed states per last error.
CREATE TABLE sync_error_counts (
    entity_type  VARCHAR(50) NOT NULL,
    last_error   TEXT        NOT NULL,
    states       INTEGER     NOT NULL,
    PRIMARY KEY (entity_type, last_error)
) WITHOUT ROWID;

INSERT INTO sync_state_counts (entity_type, sync_status, states, durations, duration_ms_sum, api_calls)
SELECT entity_type, sync_status, count(*), count(sync_duration_ms), coalesce(sum(sync_duration_ms), 0), coalesce(sum(api_calls_count), 0)
FROM sync_metadata GROUP BY entity_type, sync_status;

INSERT INTO sync_duration_counts (entity_type, sync_duration_ms, states)
SELECT entity_type, sync_duration_ms, count(*) FROM sync_metadata WHERE sync_duration_ms IS NOT NULL
GROUP BY entity_type, sync_duration_ms;

INSERT INTO sync_error_counts (entity_type, last_error, states)
SELECT entity_type, last_error, count(*) FROM sync_metadata WHERE sync_status = 'failed' AND last_error IS NOT NULL
GROUP BY entity_type, last_error;

CREATE TRIGGER sync_counts_insert AFTER INSERT ON sync_metadata
BEGIN
    INSERT INTO sync_state_counts VALUES (new.entity_type, new.sync_status, 1, new.sync_duration_ms IS NOT NULL,
                                          coalesce(new.sync_duration_ms, 0), coalesce(new.api_calls_count, 0))
    ON CONFLICT DO UPDATE SET states = states + excluded.states, durations = durations + excluded.durations,
                              duration_ms_sum = duration_ms_sum + excluded.duration_ms_sum, api_calls = api_calls + excluded.api_calls;
    INSERT INTO sync_duration_counts SELECT new.entity_type, new.sync_duration_ms, 1 WHERE new.sync_duration_ms IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states + 1;
    INSERT INTO sync_error_counts SELECT new.entity_type, new.last_error, 1 WHERE new.sync_status = 'failed' AND new.last_error IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states + 1;
END;

CREATE TRIGGER sync_counts_delete AFTER DELETE ON sync_metadata
BEGIN
    INSERT INTO sync_state_counts VALUES (old.entity_type, old.sync_status, -1, -(old.sync_duration_ms IS NOT NULL),
                                          -coalesce(old.sync_duration_ms, 0), -coalesce(old.api_calls_count, 0))
    ON CONFLICT DO UPDATE SET states = states + excluded.states, durations = durations + excluded.durations,
                              duration_ms_sum = duration_ms_sum + excluded.duration_ms_sum, api_calls = api_calls + excluded.api_calls;
    INSERT INTO sync_duration_counts SELECT old.entity_type, old.sync_duration_ms, -1 WHERE old.sync_duration_ms IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states - 1;
    INSERT INTO sync_error_counts SELECT old.entity_type, old.last_error, -1 WHERE old.sync_status = 'failed' AND old.last_error IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states - 1;
END;

-- Updates only touch the counts they change: a retry moves one state between two status rows.
CREATE TRIGGER sync_counts_update AFTER UPDATE OF entity_type, sync_status, sync_duration_ms, api_calls_count ON sync_metadata
WHEN old.entity_type IS NOT new.entity_type OR old.sync_status IS NOT new.sync_status
    OR old.sync_duration_ms IS NOT new.sync_duration_ms OR old.api_calls_count IS NOT new.api_calls_count
BEGIN
    INSERT INTO sync_state_counts VALUES (old.entity_type, old.sync_status, -1, -(old.sync_duration_ms IS NOT NULL),
                                          -coalesce(old.sync_duration_ms, 0), -coalesce(old.api_calls_count, 0))
    ON CONFLICT DO UPDATE SET states = states + excluded.states, durations = durations + excluded.durations,
                              duration_ms_sum = duration_ms_sum + excluded.duration_ms_sum, api_calls = api_calls + excluded.api_calls;
    INSERT INTO sync_state_counts VALUES (new.entity_type, new.sync_status, 1, new.sync_duration_ms IS NOT NULL,
                                          coalesce(new.sync_duration_ms, 0), coalesce(new.api_calls_count, 0))
    ON CONFLICT DO UPDATE SET states = states + excluded.states, durations = durations + excluded.durations,
                              duration_ms_sum = duration_ms_sum + excluded.duration_ms_sum, api_calls = api_calls + excluded.api_calls;
END;

CREATE TRIGGER sync_duration_counts_update AFTER UPDATE OF entity_type, sync_duration_ms ON sync_metadata
WHEN old.entity_type IS NOT new.entity_type OR old.sync_duration_ms IS NOT new.sync_duration_ms
BEGIN
    INSERT INTO sync_duration_counts SELECT old.entity_type, old.sync_duration_ms, -1 WHERE old.sync_duration_ms IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states - 1;
    INSERT INTO sync_duration_counts SELECT new.entity_type, new.sync_duration_ms, 1 WHERE new.sync_duration_ms IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states + 1;
END;

CREATE TRIGGER sync_error_counts_update AFTER UPDATE OF entity_type, sync_status, last_error ON sync_metadata
WHEN (old.sync_status = 'failed' AND old.last_error IS NOT NULL) OR (new.sync_status = 'failed' AND new.last_error IS NOT NULL)
BEGIN
    INSERT INTO sync_error_counts SELECT old.entity_type, old.last_error, -1 WHERE old.sync_status = 'failed' AND old.last_error IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states - 1;
    INSERT INTO sync_error_counts SELECT new.entity_type, new.last_error, 1 WHERE new.sync_status = 'failed' AND new.last_error IS NOT NULL
    ON CONFLICT DO UPDATE SET states = states + 1;
END;
