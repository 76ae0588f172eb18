-- Local sprint-planning entities: the things SyncDesk keeps in sync with JIRA.
-- Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.ffffff', which sorts in time order.

CREATE TABLE projects (
    id               INTEGER PRIMARY KEY,
    jira_project_id  VARCHAR(100),
    project_key      VARCHAR(50)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    project_type     VARCHAR(50),
    created_at       TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at       TIMESTAMP,
    CONSTRAINT project_key_not_blank CHECK (length(trim(project_key)) > 0)
);
CREATE UNIQUE INDEX idx_project_key ON projects (project_key);

CREATE TABLE boards (
    id             INTEGER PRIMARY KEY,
    jira_board_id  INTEGER      NOT NULL,
    name           VARCHAR(200) NOT NULL,
    board_type     VARCHAR(20)  NOT NULL DEFAULT 'scrum',
    project_key    VARCHAR(50),
    created_at     TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at     TIMESTAMP,
    CONSTRAINT valid_board_type CHECK (board_type IN ('scrum', 'kanban', 'simple'))
);
CREATE UNIQUE INDEX idx_board_jira_id ON boards (jira_board_id);
CREATE INDEX idx_board_project_key ON boards (project_key);

CREATE TABLE sprints (
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
CREATE UNIQUE INDEX idx_sprint_jira_id ON sprints (jira_sprint_id);
CREATE INDEX idx_sprint_board ON sprints (board_id, state);

CREATE TABLE issues (
    id                 INTEGER PRIMARY KEY,
    jira_issue_id      VARCHAR(100),
    issue_key          VARCHAR(50)   NOT NULL,
    summary            VARCHAR(500)  NOT NULL,
    status             VARCHAR(50),
    issue_type         VARCHAR(50),
    priority           VARCHAR(20),
    assignee           VARCHAR(100),
    story_points       DECIMAL(6, 2),
    sprint_id          INTEGER REFERENCES sprints (id) ON DELETE SET NULL,
    updated_at_remote  TIMESTAMP,
    created_at         TIMESTAMP     NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at         TIMESTAMP,
    CONSTRAINT valid_issue_key CHECK (issue_key GLOB '[A-Z]*-[0-9]*'),
    CONSTRAINT non_negative_story_points CHECK (story_points IS NULL OR story_points >= 0)
);
CREATE UNIQUE INDEX idx_issue_key ON issues (issue_key);
CREATE INDEX idx_issue_sprint ON issues (sprint_id);
