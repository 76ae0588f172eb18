package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.Vendor;

/**
 * Runs one undo step atomically: the undo script, the removal of the version's history row and a note
 * in the undo log, all in one transaction. On SQLite, foreign keys are off for the step (outside the
 * transaction, where SQLite honours the switch) so rebuilding a parent table keeps its children's rows;
 * references are checked before commit instead.
 */
final class UndoRunner {

    private final Database database;
    private final String operator;

    UndoRunner(Database database, String operator) {
        this.database = database;
        this.operator = operator;
    }

    void run(UndoScript script) throws SQLException {
        boolean sqlite = database.vendor() == Vendor.SQLITE;
        try (Connection connection = database.connection()) {
            if (sqlite) {
                execute(connection, "PRAGMA foreign_keys = OFF");
            }
            connection.setAutoCommit(false);
            try {
                for (String statement : script.statements()) {
                    execute(connection, statement);
                }
                removeHistoryRow(connection, script.version());
                logUndo(connection, script, sqlite);
                if (sqlite) {
                    checkForeignKeys(connection, script);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Database.rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                if (sqlite) {
                    execute(connection, "PRAGMA foreign_keys = ON");
                }
            }
        }
    }

    /** The statement that forgets an undone version; the preview shows it as it runs. */
    static String historyRowRemoval(int version) {
        return "DELETE FROM " + MigrationService.HISTORY_TABLE + " WHERE version = '" + version + "'";
    }

    private static void removeHistoryRow(Connection connection, int version) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            if (delete.executeUpdate(historyRowRemoval(version)) != 1) {
                throw new SQLException("The schema history has no single row for version " + version);
            }
        }
    }

    private void logUndo(Connection connection, UndoScript script, boolean sqlite) throws SQLException {
        execute(connection, "CREATE TABLE IF NOT EXISTS " + MigrationService.UNDO_LOG_TABLE + " ("
                + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
                + "undone_at " + (sqlite ? "TIMESTAMP" : "TIMESTAMPTZ") + " NOT NULL, undone_by VARCHAR(100) NOT NULL)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + MigrationService.UNDO_LOG_TABLE
                + " (version, description, undone_at, undone_by) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            Instant now = Instant.now();
            if (sqlite) {
                insert.setString(3, SqliteTimestamps.format(now));
            } else {
                insert.setObject(3, now.atOffset(java.time.ZoneOffset.UTC));
            }
            insert.setString(4, operator);
            insert.executeUpdate();
        }
    }

    private static void checkForeignKeys(Connection connection, UndoScript script) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet violations = statement.executeQuery("PRAGMA foreign_key_check")) {
            if (violations.next()) {
                throw new SQLException("Undo " + script.version() + " would leave rows of " + violations.getString(1)
                        + " pointing at missing rows of " + violations.getString(3));
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
