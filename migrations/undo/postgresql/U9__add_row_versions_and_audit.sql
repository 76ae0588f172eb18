-- Undo V9: drop the audit trail, the base values and the row versions.
DROP TABLE audit_log;
ALTER TABLE conflict_resolutions
    DROP COLUMN base_value,
    DROP COLUMN row_version;
ALTER TABLE sync_metadata DROP COLUMN row_version;
