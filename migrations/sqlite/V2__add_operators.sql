-- Operators: who resolved a conflict, who ran an action.

CREATE TABLE operators (
    id            INTEGER PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200),
    created_at    TIMESTAMP    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'),
    updated_at    TIMESTAMP,
    CONSTRAINT username_not_blank CHECK (length(trim(username)) > 0)
);
CREATE UNIQUE INDEX idx_operator_username ON operators (username);
