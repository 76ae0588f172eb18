-- JIRA-side metadata on sprints, so a sprint's own sync status can be shown without a join.
ALTER TABLE sprints ADD COLUMN jira_last_updated TIMESTAMP;
ALTER TABLE sprints ADD COLUMN sync_status VARCHAR(20) DEFAULT 'pending'
    CONSTRAINT valid_sync_status CHECK (sync_status IS NULL
        OR sync_status IN ('pending', 'in_progress', 'completed', 'failed', 'skipped'));
ALTER TABLE sprints ADD COLUMN sync_conflicts JSON;
ALTER TABLE sprints ADD COLUMN jira_board_name VARCHAR(200);
ALTER TABLE sprints ADD COLUMN jira_project_key VARCHAR(50);
ALTER TABLE sprints ADD COLUMN jira_version VARCHAR(20);
CREATE INDEX idx_sprint_sync_status ON sprints (sync_status, jira_last_updated);
CREATE INDEX idx_sprint_project_key ON sprints (jira_project_key);
