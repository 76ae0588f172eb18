package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/** The refusals every schema change meets first: a newer schema, a failed migration, another application's tables. */
final class SchemaGuard {

    private final Database database;

    SchemaGuard(Database database) {
        this.database = database;
    }

    void refuseUnsafe(SchemaStatus status) {
        refuseNewer(status);
        if (status.hasFailedMigration()) {
            throw SchemaWords.failedRefusal(database.target().describe());
        }
        if (status.currentVersion() == 0 && hasForeignTables()) {
            throw new DatabaseException(Reason.FOREIGN_SCHEMA, database.target().describe()
                    + " holds tables but no SyncDesk schema history: it belongs to another application. SyncDesk has not changed it.");
        }
    }

    void refuseNewer(SchemaStatus status) {
        if (status.isNewerThanApp()) {
            throw SchemaWords.newerRefusal(status, database.target().describe());
        }
    }

    private boolean hasForeignTables() {
        try (Connection connection = database.connection();
             ResultSet tables = connection.getMetaData().getTables(null, database.vendor() == Vendor.POSTGRESQL ? "public" : null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals(SchemaHistory.HISTORY_TABLE) && !name.equals(SchemaHistory.UNDO_LOG_TABLE)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }
}
