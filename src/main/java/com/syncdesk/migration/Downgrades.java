package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;

/** Which undo scripts a downgrade runs, and what they would destroy, counted in the database. */
final class Downgrades {

    private final Database database;

    Downgrades(Database database) {
        this.database = database;
    }

    static void checkTarget(SchemaStatus before, int target) {
        if (target < 0 || target >= before.currentVersion()) {
            throw new IllegalArgumentException("Cannot downgrade from version " + before.currentVersion() + " to " + target
                    + ": the target must be below the current version.");
        }
    }

    /** The undo scripts a downgrade to {@code target} runs, newest version first. */
    List<UndoScript> scripts(SchemaStatus status, int target) {
        return status.inSchemaNewestFirst().stream()
                .filter(m -> m.version() > target)
                .map(this::undoScriptFor)
                .toList();
    }

    /** The version a downgrade to {@code target} ends at: the newest version in the schema at or below it. */
    static int reached(SchemaStatus status, int target) {
        return status.inSchemaNewestFirst().stream().mapToInt(MigrationEntry::version).filter(v -> v <= target).max().orElse(0);
    }

    private UndoScript undoScriptFor(MigrationEntry entry) {
        return entry.state() == MigrationState.MISSING_TOLERATED
                ? UndoScript.historyRowOnly(entry.version(), entry.description())
                : MigrationCatalog.undoScript(database.vendor(), entry.version(), entry.description());
    }

    /** Counts, without loading rows, what each dropped table and column holds right now. */
    List<DataLoss> dataLoss(List<UndoScript> scripts) {
        List<DataLoss> losses = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (UndoScript script : scripts) {
                for (Drop drop : script.drops()) {
                    String count = drop.isTable() ? "SELECT count(*) FROM " + drop.table()
                            : "SELECT count(" + drop.column() + ") FROM " + drop.table();
                    try (ResultSet result = statement.executeQuery(count)) {
                        result.next();
                        losses.add(new DataLoss(script.version(), drop, result.getLong(1)));
                    }
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        return List.copyOf(losses);
    }
}
