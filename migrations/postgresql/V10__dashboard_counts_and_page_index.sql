-- The dashboard's figures kept up to date by the writes themselves, and an index that serves a
-- page of one status sorted by last attempt in index order.
--
-- The count tables are derived from sync_metadata: statement triggers add one delta row per key
-- that a statement changes, whichever program makes the write. Writers only ever insert, so
-- concurrent writers never wait on each other for a count; readers sum per key and skip zero
-- sums, and SyncDesk folds the deltas together from time to time.

-- Replaces (sync_status, entity_type): a status page sorted by last attempt walks this index (type
-- filtered from the entry) instead of sorting every state of the status, and the failures of the last
-- hours are one range.
DROP INDEX idx_sync_status_type;
CREATE INDEX idx_sync_status_attempt ON sync_metadata (sync_status, last_sync_attempt, entity_type);

CREATE TABLE sync_state_counts (
    entity_type      VARCHAR(50) NOT NULL,
    sync_status      VARCHAR(20) NOT NULL,
    states           BIGINT      NOT NULL,
    durations        BIGINT      NOT NULL,
    duration_ms_sum  BIGINT      NOT NULL,
    api_calls        BIGINT      NOT NULL
);

CREATE TABLE sync_duration_counts (
    entity_type       VARCHAR(50) NOT NULL,
    sync_duration_ms  INTEGER     NOT NULL,
    states            BIGINT      NOT NULL
);

-- Failed states per last error.
CREATE TABLE sync_error_counts (
    entity_type  VARCHAR(50) NOT NULL,
    last_error   TEXT        NOT NULL,
    states       BIGINT      NOT NULL
);

INSERT INTO sync_state_counts (entity_type, sync_status, states, durations, duration_ms_sum, api_calls)
SELECT entity_type, sync_status, count(*), count(sync_duration_ms), coalesce(sum(sync_duration_ms), 0), coalesce(sum(api_calls_count), 0)
FROM sync_metadata GROUP BY entity_type, sync_status;

INSERT INTO sync_duration_counts (entity_type, sync_duration_ms, states)
SELECT entity_type, sync_duration_ms, count(*) FROM sync_metadata WHERE sync_duration_ms IS NOT NULL
GROUP BY entity_type, sync_duration_ms;

INSERT INTO sync_error_counts (entity_type, last_error, states)
SELECT entity_type, last_error, count(*) FROM sync_metadata WHERE sync_status = 'failed' AND last_error IS NOT NULL
GROUP BY entity_type, last_error;

-- One function for the three statement triggers: the rows a statement added count +1, the rows it removed -1.
CREATE FUNCTION sync_metadata_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT entity_type, sync_status, sync_duration_ms, api_calls_count, last_error, 1 AS sign FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT entity_type, sync_status, sync_duration_ms, api_calls_count, last_error, -1 AS sign FROM old_rows'
        ELSE 'SELECT entity_type, sync_status, sync_duration_ms, api_calls_count, last_error, 1 AS sign FROM new_rows'
            || ' UNION ALL SELECT entity_type, sync_status, sync_duration_ms, api_calls_count, last_error, -1 FROM old_rows'
    END;
BEGIN
    EXECUTE 'INSERT INTO sync_state_counts (entity_type, sync_status, states, durations, duration_ms_sum, api_calls)'
        || ' SELECT entity_type, sync_status, sum(sign), sum(CASE WHEN sync_duration_ms IS NULL THEN 0 ELSE sign END),'
        || ' coalesce(sum(sign * sync_duration_ms), 0), coalesce(sum(sign * api_calls_count), 0) FROM (' || changes || ') c'
        || ' GROUP BY entity_type, sync_status HAVING sum(sign) <> 0'
        || ' OR sum(CASE WHEN sync_duration_ms IS NULL THEN 0 ELSE sign END) <> 0'
        || ' OR coalesce(sum(sign * sync_duration_ms), 0) <> 0 OR coalesce(sum(sign * api_calls_count), 0) <> 0';
    EXECUTE 'INSERT INTO sync_duration_counts (entity_type, sync_duration_ms, states)'
        || ' SELECT entity_type, sync_duration_ms, sum(sign) FROM (' || changes || ') c WHERE sync_duration_ms IS NOT NULL'
        || ' GROUP BY entity_type, sync_duration_ms HAVING sum(sign) <> 0';
    EXECUTE 'INSERT INTO sync_error_counts (entity_type, last_error, states)'
        || ' SELECT entity_type, last_error, sum(sign) FROM (' || changes || ') c WHERE sync_status = ''failed'' AND last_error IS NOT NULL'
        || ' GROUP BY entity_type, last_error HAVING sum(sign) <> 0';
    RETURN NULL;
END
$$;

CREATE FUNCTION sync_metadata_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sync_state_counts;
    DELETE FROM sync_duration_counts;
    DELETE FROM sync_error_counts;
    RETURN NULL;
END
$$;

CREATE TRIGGER sync_counts_insert AFTER INSERT ON sync_metadata REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sync_metadata_count_changes();
CREATE TRIGGER sync_counts_delete AFTER DELETE ON sync_metadata REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sync_metadata_count_changes();
CREATE TRIGGER sync_counts_update AFTER UPDATE ON sync_metadata REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sync_metadata_count_changes();
CREATE TRIGGER sync_counts_truncate AFTER TRUNCATE ON sync_metadata
    FOR EACH STATEMENT EXECUTE FUNCTION sync_metadata_counts_truncated();
