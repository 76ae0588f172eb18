-- Undo V12: forget the JIRA connection, what it syncs and the sync engine's bookkeeping.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops table jira_connection
-- @drops table jira_sync_scope
-- @drops table sync_snapshots
-- @drops column sync_metadata.failure_kind
-- @drops column sync_metadata.next_attempt_at
-- @drops column sync_metadata.parked_at
DROP INDEX idx_sync_jira_id;
DROP INDEX idx_issue_jira_id;
DROP INDEX idx_issue_updated;
DROP INDEX idx_sync_failed_kind;
ALTER TABLE sync_metadata
    DROP COLUMN parked_at,
    DROP COLUMN next_attempt_at,
    DROP COLUMN failure_kind;
DROP TABLE sync_snapshots;
DROP TABLE jira_sync_scope;
DROP TABLE jira_connection;
