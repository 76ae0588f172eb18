package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.Vendor;

/**
 * Runs one undo step atomically: the undo script, the removal of the version's history row and a note
 * in the undo log, all in one transaction. On SQLite, foreign keys are off for the step (outside the
 * transaction, where SQLite honours the switch) so rebuilding a parent table keeps its children's rows;
 * references are checked before commit instead.
 */
final class UndoRunner {

    private static final Logger LOG = LoggerFactory.getLogger(UndoRunner.class);

    private final Database database;
    private final String operator;

    UndoRunner(Database database, String operator) {
        this.database = database;
        this.operator = operator;
    }

    /**
     * Runs the scripts newest first, each step in its own transaction; a failing step is rolled back and
     * reported with the version the database stays at and the backup taken before, if any.
     */
    void runAll(List<UndoScript> scripts, Optional<Backup> backup, MigrationProgress progress) {
        Instant start = Instant.now();
        for (int i = 0; i < scripts.size(); i++) {
            UndoScript script = scripts.get(i);
            String name = "Undo " + script.version() + " (" + script.description() + ")";
            progress.onStep(new Step(name, i + 1, scripts.size(), Phase.STARTED, Duration.between(start, Instant.now())));
            try {
                run(script);
            } catch (SQLException | RuntimeException e) {
                DatabaseException cause = DatabaseErrors.translate(e, database.target());
                throw new DatabaseException(cause.reason(), name + " failed and was rolled back: " + cause.getMessage()
                        + " The database is at version " + script.version() + "."
                        + backup.map(b -> " The backup taken before is " + b.location() + ".").orElse(""), e);
            }
            LOG.info("{} done", name);
            progress.onStep(new Step(name, i + 1, scripts.size(), Phase.FINISHED, Duration.between(start, Instant.now())));
        }
    }

    private void run(UndoScript script) throws SQLException {
        boolean sqlite = database.vendor() == Vendor.SQLITE;
        try (Connection connection = database.connection()) {
            if (sqlite) {
                execute(connection, "PRAGMA foreign_keys = OFF");
                // A rebuild's rename must leave other clients' views and triggers naming the table as they are.
                execute(connection, "PRAGMA legacy_alter_table = ON");
            }
            connection.setAutoCommit(false);
            try {
                List<SqliteRebuild> rebuilds = sqlite ? SqliteRebuild.in(script.statements()) : List.of();
                for (int i = 0; i < script.statements().size(); i++) {
                    for (SqliteRebuild rebuild : rebuilds) {
                        if (rebuild.drop() == i) {
                            checkNothingLeftBehind(connection, script, rebuild);
                        }
                    }
                    execute(connection, script.statements().get(i));
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
                    execute(connection, "PRAGMA legacy_alter_table = OFF");
                    execute(connection, "PRAGMA foreign_keys = ON");
                }
            }
        }
    }

    /** The statement that forgets an undone version; the preview shows it as it runs. */
    static String historyRowRemoval(int version) {
        return "DELETE FROM " + SchemaHistory.HISTORY_TABLE + " WHERE version = '" + version + "'";
    }

    private static void removeHistoryRow(Connection connection, int version) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            if (delete.executeUpdate(historyRowRemoval(version)) != 1) {
                throw new SQLException("The schema history has no single row for version " + version);
            }
        }
    }

    private void logUndo(Connection connection, UndoScript script, boolean sqlite) throws SQLException {
        execute(connection, "CREATE TABLE IF NOT EXISTS " + SchemaHistory.UNDO_LOG_TABLE + " ("
                + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
                + "undone_at " + (sqlite ? "TIMESTAMP" : "TIMESTAMPTZ") + " NOT NULL, undone_by VARCHAR(100) NOT NULL)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SchemaHistory.UNDO_LOG_TABLE
                + " (version, description, undone_at, undone_by) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            Instant now = Instant.now();
            if (sqlite) {
                insert.setString(3, SqliteTimestamps.format(now));
            } else {
                insert.setObject(3, now.atOffset(ZoneOffset.UTC));
            }
            insert.setString(4, operator);
            insert.executeUpdate();
        }
    }

    /**
     * Before a rebuilt table is dropped: every column it has now is copied or one the script means to drop.
     * A column another client added after the downgrade was planned would otherwise vanish.
     */
    private static void checkNothingLeftBehind(Connection connection, UndoScript script, SqliteRebuild rebuild) throws SQLException {
        Set<String> accounted = new HashSet<>(SqliteRebuild.copiedColumns(script.statements().get(rebuild.insert())));
        script.drops().stream().filter(d -> !d.isTable() && d.table().equalsIgnoreCase(rebuild.table()))
                .forEach(d -> accounted.add(d.column().toLowerCase(Locale.ROOT)));
        try (PreparedStatement info = connection.prepareStatement("SELECT name FROM pragma_table_xinfo(?) WHERE hidden < 2")) {
            info.setString(1, rebuild.table());
            try (ResultSet columns = info.executeQuery()) {
                while (columns.next()) {
                    if (!accounted.contains(columns.getString(1).toLowerCase(Locale.ROOT))) {
                        throw new DatabaseException(Reason.BLOCKED_BY_OTHER_OBJECTS, "Column " + rebuild.table() + "." + columns.getString(1)
                                + " appeared after the downgrade was planned (another client added it), and the rebuild would not carry it. "
                                + "Run the downgrade again to keep it.");
                    }
                }
            }
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
