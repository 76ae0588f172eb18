-- Undo V7: drop the architectural columns; their checks and index go with them.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops column sync_metadata.resolution_strategy
-- @drops column sync_metadata.sync_duration_ms
-- @drops column sync_metadata.api_calls_count
-- @drops column sync_metadata.conflicts
DROP INDEX idx_sync_performance;
ALTER TABLE sync_metadata
    DROP COLUMN conflicts,
    DROP COLUMN api_calls_count,
    DROP COLUMN sync_duration_ms,
    DROP COLUMN resolution_strategy;
