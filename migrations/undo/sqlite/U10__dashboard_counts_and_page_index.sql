-- Undo V10: drop the derived counts with their triggers and bring back the (status, type) index.
-- The counts are recomputed from sync_metadata when V10 runs again, so dropping them loses nothing:
-- @derived table sync_state_counts
-- @derived table sync_duration_counts
-- @derived table sync_error_counts
DROP TRIGGER sync_error_counts_update;
DROP TRIGGER sync_duration_counts_update;
DROP TRIGGER sync_counts_update;
DROP TRIGGER sync_counts_delete;
DROP TRIGGER sync_counts_insert;
DROP TABLE sync_error_counts;
DROP TABLE sync_duration_counts;
DROP TABLE sync_state_counts;
DROP INDEX idx_sync_status_attempt;
CREATE INDEX idx_sync_status_type ON sync_metadata (sync_status, entity_type);
