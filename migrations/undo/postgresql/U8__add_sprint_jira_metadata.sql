-- Undo V8: drop the JIRA metadata columns of sprints and their indexes.
DROP INDEX idx_sprint_sync_status;
DROP INDEX idx_sprint_project_key;
ALTER TABLE sprints
    DROP COLUMN jira_version,
    DROP COLUMN jira_project_key,
    DROP COLUMN jira_board_name,
    DROP COLUMN sync_conflicts,
    DROP COLUMN sync_status,
    DROP COLUMN jira_last_updated;
