-- Shipped with SyncDesk for adopting sprint-reports databases: recognising one, and restoring the backup adopt takes
-- before converting (restore recreates this schema, then reloads every table). Copied unchanged from the project's
-- reference of the original system (origin/schema.sql, its README lists how that system stores its values).
--
-- The database of the original system (sprint-reports, Python/SQLAlchemy/Alembic, PostgreSQL) at its
-- alembic head 008_add_sprint_jira_metadata: schema only, as that system's migrations leave it.
-- Rebuilt from its models and its documented migrations 007/008 (its migration files are not public).
-- Reference data for SyncDesk's adoption of such databases; load it with psql into an empty database.

CREATE TYPE conflictresolutionstrategy AS ENUM ('LOCAL_WINS', 'REMOTE_WINS', 'MERGE', 'MANUAL');
CREATE TYPE syncstatus AS ENUM ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'SKIPPED');
-- 001_initial_schema (the 002/003 user auth and SSO fields folded in)
CREATE TABLE permissions (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, name VARCHAR(100) NOT NULL, description TEXT,
    resource_type VARCHAR(50) NOT NULL, action VARCHAR(50) NOT NULL, is_active BOOLEAN NOT NULL,
    CONSTRAINT action_not_empty CHECK (trim(action) != ''),
    CONSTRAINT permission_name_not_empty CHECK (trim(name) != ''),
    CONSTRAINT resource_type_not_empty CHECK (trim(resource_type) != ''), PRIMARY KEY (id));
CREATE INDEX idx_permissions_active ON permissions (is_active, resource_type);
CREATE INDEX idx_permissions_resource_action ON permissions (resource_type, action);
CREATE INDEX ix_permissions_id ON permissions (id);
CREATE UNIQUE INDEX ix_permissions_name ON permissions (name);
CREATE TABLE roles (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, name VARCHAR(50) NOT NULL, description TEXT,
    is_active BOOLEAN NOT NULL, CONSTRAINT role_name_not_empty CHECK (trim(name) != ''), PRIMARY KEY (id));
CREATE INDEX idx_roles_active ON roles (is_active, name);
CREATE INDEX ix_roles_id ON roles (id);
CREATE UNIQUE INDEX ix_roles_name ON roles (name);
CREATE TABLE sprints (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, jira_sprint_id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL, state VARCHAR(50) NOT NULL, start_date TIMESTAMP WITH TIME ZONE,
    end_date TIMESTAMP WITH TIME ZONE, complete_date TIMESTAMP WITH TIME ZONE, goal TEXT, board_id INTEGER,
    origin_board_id INTEGER,
    CONSTRAINT valid_sprint_state CHECK (state IN ('future', 'active', 'closed')),
    CONSTRAINT sprint_name_not_empty CHECK (trim(name) != ''),
    CONSTRAINT complete_after_start CHECK (complete_date IS NULL OR start_date IS NULL OR complete_date >= start_date),
    CONSTRAINT valid_date_range CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
    PRIMARY KEY (id));
CREATE INDEX idx_sprint_board ON sprints (board_id, state);
CREATE INDEX idx_sprint_dates ON sprints (start_date, end_date);
CREATE INDEX idx_sprint_jira_state ON sprints (jira_sprint_id, state);
CREATE INDEX ix_sprints_id ON sprints (id);
CREATE UNIQUE INDEX ix_sprints_jira_sprint_id ON sprints (jira_sprint_id);
CREATE INDEX ix_sprints_name ON sprints (name);
CREATE TABLE users (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, email VARCHAR(255) NOT NULL,
    username VARCHAR(100) NOT NULL, full_name VARCHAR(255), hashed_password VARCHAR(255) NOT NULL,
    is_active BOOLEAN NOT NULL, is_superuser BOOLEAN NOT NULL, department VARCHAR(100), role VARCHAR(100),
    avatar_url TEXT, jira_account_id VARCHAR(128), jira_display_name VARCHAR(255), sso_provider VARCHAR(50),
    sso_provider_id VARCHAR(255), sso_provider_name VARCHAR(100), sso_last_login TIMESTAMP WITH TIME ZONE,
    sso_attributes TEXT, failed_login_attempts INTEGER NOT NULL, locked_until TIMESTAMP WITH TIME ZONE,
    last_login TIMESTAMP WITH TIME ZONE, reset_token VARCHAR(255), reset_token_expires TIMESTAMP WITH TIME ZONE,
    CONSTRAINT valid_email_format CHECK (email ~* '^[A-Za-z0-9._%%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$'),
    CONSTRAINT username_not_empty CHECK (trim(username) != ''),
    CONSTRAINT full_name_not_empty CHECK (full_name IS NULL OR trim(full_name) != ''), PRIMARY KEY (id));
CREATE INDEX idx_user_department_role ON users (department, role, is_active);
CREATE INDEX idx_user_jira_lookup ON users (jira_account_id, is_active);
CREATE INDEX idx_user_locked_until ON users (locked_until, is_active);
CREATE INDEX idx_user_reset_token ON users (reset_token);
CREATE INDEX idx_user_sso_auth ON users (sso_provider, is_active);
CREATE INDEX idx_user_sso_lookup ON users (sso_provider, sso_provider_id, is_active);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_id ON users (id);
CREATE INDEX ix_users_jira_account_id ON users (jira_account_id);
CREATE INDEX ix_users_sso_provider ON users (sso_provider);
CREATE INDEX ix_users_sso_provider_id ON users (sso_provider_id);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE TABLE role_permissions (
    role_id INTEGER NOT NULL, permission_id INTEGER NOT NULL,
    FOREIGN KEY(permission_id) REFERENCES permissions (id) ON DELETE CASCADE,
    FOREIGN KEY(role_id) REFERENCES roles (id) ON DELETE CASCADE, PRIMARY KEY (role_id, permission_id));
CREATE INDEX idx_role_permissions_permission ON role_permissions (permission_id);
CREATE INDEX idx_role_permissions_role ON role_permissions (role_id);
CREATE TABLE sprint_analyses (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, sprint_id INTEGER NOT NULL,
    analysis_type VARCHAR(50) NOT NULL, created_by INTEGER, total_issues INTEGER NOT NULL,
    total_story_points FLOAT NOT NULL, discipline_teams_count INTEGER NOT NULL, discipline_breakdown JSON,
    issue_details JSON, jql_filter TEXT, exclude_subtasks BOOLEAN NOT NULL,
    CONSTRAINT valid_analysis_type CHECK (analysis_type IN ('discipline_team', 'capacity', 'velocity', 'burndown')),
    CONSTRAINT non_negative_issues CHECK (total_issues >= 0),
    CONSTRAINT non_negative_story_points CHECK (total_story_points >= 0),
    CONSTRAINT non_negative_teams CHECK (discipline_teams_count >= 0),
    FOREIGN KEY(created_by) REFERENCES users (id), FOREIGN KEY(sprint_id) REFERENCES sprints (id), PRIMARY KEY (id));
CREATE INDEX idx_analysis_created ON sprint_analyses (created_at, analysis_type);
CREATE INDEX idx_analysis_sprint_type ON sprint_analyses (sprint_id, analysis_type);
CREATE INDEX ix_sprint_analyses_id ON sprint_analyses (id);
CREATE INDEX ix_sprint_analyses_sprint_id ON sprint_analyses (sprint_id);
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL, role_id INTEGER NOT NULL, assigned_by INTEGER,
    FOREIGN KEY(assigned_by) REFERENCES users (id) ON DELETE SET NULL,
    FOREIGN KEY(role_id) REFERENCES roles (id) ON DELETE CASCADE,
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE, PRIMARY KEY (user_id, role_id));
CREATE INDEX idx_user_roles_assigned_by ON user_roles (assigned_by);
CREATE INDEX idx_user_roles_role ON user_roles (role_id);
CREATE INDEX idx_user_roles_user ON user_roles (user_id);
-- 004_add_sync_models: SyncMetadata, ConflictResolution, SyncHistory
CREATE TABLE sync_metadata (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, entity_type VARCHAR(50) NOT NULL,
    entity_id VARCHAR(100) NOT NULL, jira_id VARCHAR(100), sync_status syncstatus NOT NULL,
    last_sync_attempt TIMESTAMP WITH TIME ZONE, last_successful_sync TIMESTAMP WITH TIME ZONE,
    local_modified TIMESTAMP WITH TIME ZONE, remote_modified TIMESTAMP WITH TIME ZONE,
    error_count INTEGER NOT NULL, last_error TEXT, sync_direction VARCHAR(20) NOT NULL,
    sync_batch_id VARCHAR(100), content_hash VARCHAR(64),
    CONSTRAINT valid_entity_type CHECK (entity_type IN ('sprint', 'issue', 'project', 'board')),
    CONSTRAINT valid_sync_direction CHECK (sync_direction IN ('local_to_remote', 'remote_to_local', 'bidirectional')),
    CONSTRAINT non_negative_error_count CHECK (error_count >= 0), PRIMARY KEY (id));
CREATE INDEX idx_sync_batch ON sync_metadata (sync_batch_id);
CREATE INDEX idx_sync_status_type ON sync_metadata (sync_status, entity_type);
CREATE INDEX idx_sync_timestamps ON sync_metadata (last_sync_attempt, sync_status);
CREATE UNIQUE INDEX idx_unique_entity ON sync_metadata (entity_type, entity_id);
CREATE INDEX ix_sync_metadata_entity_id ON sync_metadata (entity_id);
CREATE INDEX ix_sync_metadata_entity_type ON sync_metadata (entity_type);
CREATE INDEX ix_sync_metadata_id ON sync_metadata (id);
CREATE INDEX ix_sync_metadata_jira_id ON sync_metadata (jira_id);
CREATE INDEX ix_sync_metadata_sync_batch_id ON sync_metadata (sync_batch_id);
CREATE INDEX ix_sync_metadata_sync_status ON sync_metadata (sync_status);
CREATE TABLE conflict_resolutions (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, sync_metadata_id INTEGER NOT NULL,
    conflict_type VARCHAR(50) NOT NULL, field_name VARCHAR(100), local_value JSON, remote_value JSON,
    resolution_strategy conflictresolutionstrategy NOT NULL, resolved_value JSON, resolved_by INTEGER,
    resolved_at TIMESTAMP WITH TIME ZONE, is_resolved BOOLEAN NOT NULL, resolution_notes TEXT,
    CONSTRAINT valid_conflict_type CHECK (conflict_type IN ('field_conflict', 'deletion_conflict', 'creation_conflict')),
    FOREIGN KEY(resolved_by) REFERENCES users (id), FOREIGN KEY(sync_metadata_id) REFERENCES sync_metadata (id),
    PRIMARY KEY (id));
CREATE INDEX idx_conflict_resolution ON conflict_resolutions (resolved_at, resolution_strategy);
CREATE INDEX idx_conflict_status ON conflict_resolutions (is_resolved, conflict_type);
CREATE INDEX idx_conflict_sync ON conflict_resolutions (sync_metadata_id, is_resolved);
CREATE INDEX ix_conflict_resolutions_id ON conflict_resolutions (id);
CREATE INDEX ix_conflict_resolutions_is_resolved ON conflict_resolutions (is_resolved);
CREATE INDEX ix_conflict_resolutions_sync_metadata_id ON conflict_resolutions (sync_metadata_id);
CREATE TABLE sync_history (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, operation_type VARCHAR(50) NOT NULL,
    entity_type VARCHAR(50) NOT NULL, batch_id VARCHAR(100), entities_processed INTEGER NOT NULL,
    entities_created INTEGER NOT NULL, entities_updated INTEGER NOT NULL, entities_deleted INTEGER NOT NULL,
    entities_skipped INTEGER NOT NULL, conflicts_detected INTEGER NOT NULL, conflicts_resolved INTEGER NOT NULL,
    duration_seconds FLOAT, api_calls_made INTEGER NOT NULL, status syncstatus NOT NULL, error_message TEXT,
    sync_details JSON, initiated_by INTEGER,
    CONSTRAINT valid_operation_type CHECK (operation_type IN ('full_sync', 'incremental_sync', 'conflict_resolution', 'webhook_sync')),
    CONSTRAINT non_negative_processed CHECK (entities_processed >= 0),
    CONSTRAINT non_negative_created CHECK (entities_created >= 0),
    CONSTRAINT non_negative_updated CHECK (entities_updated >= 0),
    CONSTRAINT non_negative_deleted CHECK (entities_deleted >= 0),
    CONSTRAINT non_negative_skipped CHECK (entities_skipped >= 0),
    CONSTRAINT non_negative_conflicts CHECK (conflicts_detected >= 0),
    CONSTRAINT non_negative_api_calls CHECK (api_calls_made >= 0),
    FOREIGN KEY(initiated_by) REFERENCES users (id), PRIMARY KEY (id));
CREATE INDEX idx_sync_history_batch ON sync_history (batch_id);
CREATE INDEX idx_sync_history_created ON sync_history (created_at, status);
CREATE INDEX idx_sync_history_type_status ON sync_history (operation_type, status);
CREATE INDEX ix_sync_history_batch_id ON sync_history (batch_id);
CREATE INDEX ix_sync_history_entity_type ON sync_history (entity_type);
CREATE INDEX ix_sync_history_id ON sync_history (id);
CREATE INDEX ix_sync_history_operation_type ON sync_history (operation_type);
CREATE INDEX ix_sync_history_status ON sync_history (status);
-- 004_add_webhook_tables / 005_update_webhook_events_schema
CREATE TABLE webhook_events (
    id SERIAL NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, event_id VARCHAR(100) NOT NULL,
    event_type VARCHAR(100) NOT NULL, payload JSON NOT NULL, processed_data JSON,
    processed_at TIMESTAMP WITH TIME ZONE, processing_status VARCHAR(20) NOT NULL, retry_count INTEGER NOT NULL,
    processing_attempts INTEGER NOT NULL, last_processed_at TIMESTAMP WITH TIME ZONE, error_message TEXT,
    processing_duration_ms INTEGER, PRIMARY KEY (id));
CREATE UNIQUE INDEX ix_webhook_events_event_id ON webhook_events (event_id);
CREATE INDEX ix_webhook_events_event_type ON webhook_events (event_type);
CREATE INDEX ix_webhook_events_id ON webhook_events (id);
CREATE INDEX ix_webhook_events_processing_status ON webhook_events (processing_status);
-- 007_align_sync_schema
ALTER TABLE sync_metadata ADD COLUMN resolution_strategy VARCHAR(50);
ALTER TABLE sync_metadata ADD COLUMN sync_duration_ms INTEGER;
ALTER TABLE sync_metadata ADD COLUMN api_calls_count INTEGER DEFAULT '0';
ALTER TABLE sync_metadata ADD COLUMN conflicts JSON;
ALTER TABLE sync_metadata ADD CONSTRAINT valid_resolution_strategy
    CHECK (resolution_strategy IS NULL OR resolution_strategy IN ('auto', 'manual', 'jira_wins', 'local_wins'));
ALTER TABLE sync_metadata ADD CONSTRAINT non_negative_duration CHECK (sync_duration_ms IS NULL OR sync_duration_ms >= 0);
ALTER TABLE sync_metadata ADD CONSTRAINT non_negative_api_calls CHECK (api_calls_count >= 0);
CREATE INDEX idx_sync_performance ON sync_metadata (sync_duration_ms, api_calls_count);
-- 008_add_sprint_jira_metadata
ALTER TABLE sprints ADD COLUMN jira_last_updated TIMESTAMP WITH TIME ZONE;
ALTER TABLE sprints ADD COLUMN sync_status VARCHAR(20) DEFAULT 'pending';
ALTER TABLE sprints ADD COLUMN sync_conflicts JSON;
ALTER TABLE sprints ADD COLUMN jira_board_name VARCHAR(200);
ALTER TABLE sprints ADD COLUMN jira_project_key VARCHAR(50);
ALTER TABLE sprints ADD COLUMN jira_version VARCHAR(20);
ALTER TABLE sprints ADD CONSTRAINT valid_sync_status
    CHECK (sync_status IN ('pending', 'in_progress', 'completed', 'failed', 'skipped'));
CREATE INDEX idx_sprint_sync_status ON sprints (sync_status, jira_last_updated);
CREATE INDEX idx_sprint_project_key ON sprints (jira_project_key);
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
INSERT INTO alembic_version (version_num) VALUES ('008_add_sprint_jira_metadata');
