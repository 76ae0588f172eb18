-- Undo V8: rebuild sprints as V1 defined it (the new columns carry a check and indexes).
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops column sprints.jira_last_updated
-- @drops column sprints.sync_status
-- @drops column sprints.sync_conflicts
-- @drops column sprints.jira_board_name
-- @drops column sprints.jira_project_key
-- @drops column sprints.jira_version
DROP INDEX idx_sprint_sync_status;
DROP INDEX idx_sprint_project_key;

CREATE TABLE sprints_rebuild (
    id               INTEGER PRIMARY KEY,
    jira_sprint_id   INTEGER      NOT NULL,
    name             VARCHAR(200) NOT NULL,
    state            VARCHAR(20)  NOT NULL DEFAULT 'future',
    start_date       TIMESTAMP,
    end_date         TIMESTAMP,
    complete_date    TIMESTAMP,
    goal             TEXT,
    board_id         INTEGER,
    origin_board_id  INTEGER,
    created_at       TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at       TIMESTAMP,
    CONSTRAINT sprint_name_not_blank CHECK (length(trim(name)) > 0),
    CONSTRAINT valid_sprint_state CHECK (state IN ('future', 'active', 'closed')),
    CONSTRAINT valid_sprint_dates CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
    CONSTRAINT valid_complete_date CHECK (complete_date IS NULL OR start_date IS NULL OR complete_date >= start_date)
);
INSERT INTO sprints_rebuild (id, jira_sprint_id, name, state, start_date, end_date, complete_date, goal,
        board_id, origin_board_id, created_at, updated_at)
SELECT id, jira_sprint_id, name, state, start_date, end_date, complete_date, goal,
       board_id, origin_board_id, created_at, updated_at
FROM sprints;
DROP TABLE sprints;
ALTER TABLE sprints_rebuild RENAME TO sprints;
CREATE UNIQUE INDEX idx_sprint_jira_id ON sprints (jira_sprint_id);
CREATE INDEX idx_sprint_board ON sprints (board_id, state);
