-- The JIRA site this database syncs with (one row) and what it syncs, shared by the console, the
-- command line and a headless worker; and what the sync engine keeps per sync state: the synced
-- fields as they were at the last successful sync (the base of the three-way comparison), the
-- kind of the last failure, when to try again and when it was parked for a human.
CREATE TABLE jira_connection (
    id                     INTEGER      PRIMARY KEY CONSTRAINT single_jira_connection CHECK (id = 1),
    base_url               VARCHAR(500) NOT NULL,
    deployment             VARCHAR(20)  NOT NULL,
    auth_scheme            VARCHAR(30)  NOT NULL,
    user_name              VARCHAR(200),
    conflict_strategy      VARCHAR(20)  NOT NULL DEFAULT 'manual',
    sync_interval_seconds  INTEGER      NOT NULL DEFAULT 900,
    park_after_failures    INTEGER      NOT NULL DEFAULT 5,
    include_backlog        BOOLEAN      NOT NULL DEFAULT 0,
    created_at             TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at             TIMESTAMP,
    updated_by             VARCHAR(100),
    CONSTRAINT valid_deployment CHECK (deployment IN ('cloud', 'data_center')),
    CONSTRAINT valid_auth_scheme CHECK (auth_scheme IN ('api_token', 'personal_access_token', 'password')),
    CONSTRAINT valid_conflict_strategy CHECK (conflict_strategy IN ('manual', 'jira_wins', 'local_wins')),
    CONSTRAINT positive_sync_interval CHECK (sync_interval_seconds > 0),
    CONSTRAINT positive_park_after_failures CHECK (park_after_failures > 0)
);

CREATE TABLE jira_sync_scope (
    kind  VARCHAR(10)  NOT NULL,
    ref   VARCHAR(100) NOT NULL,
    PRIMARY KEY (kind, ref),
    CONSTRAINT valid_scope_kind CHECK (kind IN ('board', 'project'))
);

CREATE TABLE sync_snapshots (
    sync_metadata_id  INTEGER   PRIMARY KEY REFERENCES sync_metadata (id) ON DELETE CASCADE,
    fields            JSON      NOT NULL,
    taken_at          TIMESTAMP NOT NULL
);

ALTER TABLE sync_metadata ADD COLUMN failure_kind VARCHAR(20)
    CONSTRAINT valid_failure_kind CHECK (failure_kind IS NULL
        OR failure_kind IN ('rate_limit', 'auth', 'not_found', 'validation', 'conflict', 'server', 'network'));
ALTER TABLE sync_metadata ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE sync_metadata ADD COLUMN parked_at TIMESTAMP;

-- Failures counted by kind without reading the table; an incremental run's local side by change time;
-- the states of a page of JIRA's answer found by JIRA's ids.
CREATE INDEX idx_sync_failed_kind ON sync_metadata (failure_kind, entity_type) WHERE sync_status = 'failed';
CREATE INDEX idx_issue_updated ON issues (updated_at);
CREATE INDEX idx_issue_jira_id ON issues (jira_issue_id);
CREATE INDEX idx_sync_jira_id ON sync_metadata (entity_type, jira_id);
