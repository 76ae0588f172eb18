package com.syncdesk.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;

/**
 * Turns an empty database into one the original system left behind: SyncDesk's schema up to 4, then
 * the removed migration 6's {@code sync_states} table and its schema-history row.
 */
public final class LegacyDatabase {

    /** The DDL of the original migration 6. */
    public static final String SYNC_STATES_DDL = "CREATE TABLE sync_states (id INTEGER PRIMARY KEY, entity_type VARCHAR(50) NOT NULL, "
            + "entity_id VARCHAR(100) NOT NULL, jira_id VARCHAR(100), sync_status VARCHAR(20) NOT NULL, last_sync_attempt TIMESTAMP, "
            + "last_successful_sync TIMESTAMP, conflicts JSON, resolution_strategy VARCHAR(50), sync_duration_ms INTEGER, "
            + "api_calls_count INTEGER NOT NULL DEFAULT 0, error_count INTEGER NOT NULL DEFAULT 0, last_error TEXT, "
            + "created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP, UNIQUE(entity_type, entity_id))";

    private LegacyDatabase() {
    }

    /** Migrates to 4, creates sync_states and records version 6 as the original system did. */
    public static void craft(Database database) {
        new MigrationService(database, "legacy").upgrade(4, MigrationProgress.NONE);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute(SYNC_STATES_DDL);
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), "
                    + "'6', 'add sync states table', 'SQL', 'V6__add_sync_states_table.sql', 1234567, 'legacy', 12, true)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
