-- Undo V7: drop the architectural columns; their checks and index go with them.
DROP INDEX idx_sync_performance;
ALTER TABLE sync_metadata
    DROP COLUMN conflicts,
    DROP COLUMN api_calls_count,
    DROP COLUMN sync_duration_ms,
    DROP COLUMN resolution_strategy;
