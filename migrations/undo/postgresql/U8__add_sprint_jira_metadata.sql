-- Undo V8: drop the JIRA metadata columns of sprints and their indexes.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops column sprints.jira_last_updated
-- @drops column sprints.sync_status
-- @drops column sprints.sync_conflicts
-- @drops column sprints.jira_board_name
-- @drops column sprints.jira_project_key
-- @drops column sprints.jira_version
DROP INDEX idx_sprint_sync_status;
DROP INDEX idx_sprint_project_key;
ALTER TABLE sprints
    DROP COLUMN jira_version,
    DROP COLUMN jira_project_key,
    DROP COLUMN jira_board_name,
    DROP COLUMN sync_conflicts,
    DROP COLUMN sync_status,
    DROP COLUMN jira_last_updated;
