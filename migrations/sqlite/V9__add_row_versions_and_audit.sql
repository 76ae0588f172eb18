-- Optimistic locking, the base value for three-way conflict views, and the operators' audit trail.
ALTER TABLE sync_metadata ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conflict_resolutions ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conflict_resolutions ADD COLUMN base_value JSON;

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    operator     VARCHAR(100) NOT NULL,
    action       VARCHAR(50)  NOT NULL,
    entity_type  VARCHAR(50),
    entity_id    VARCHAR(100),
    details      JSON,
    created_at   TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at   TIMESTAMP
);
CREATE INDEX idx_audit_at ON audit_log (at);
CREATE INDEX idx_audit_entity ON audit_log (entity_type, entity_id);
