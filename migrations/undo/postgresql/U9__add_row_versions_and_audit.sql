-- Undo V9: drop the audit trail, the base values and the row versions.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops table audit_log
-- @drops column sync_metadata.row_version
-- @drops column conflict_resolutions.row_version
-- @drops column conflict_resolutions.base_value
DROP TABLE audit_log;
ALTER TABLE conflict_resolutions
    DROP COLUMN base_value,
    DROP COLUMN row_version;
ALTER TABLE sync_metadata DROP COLUMN row_version;
