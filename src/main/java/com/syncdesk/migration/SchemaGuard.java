package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/** The refusals every schema change meets first: a newer schema, a failed migration, another application's tables. */
final class SchemaGuard {

    private final Database database;
    private final ForeignDatabases foreign;

    SchemaGuard(Database database, ForeignDatabases foreign) {
        this.database = database;
        this.foreign = foreign;
    }

    void refuseUnsafe(SchemaStatus status) {
        refuseNewer(status);
        if (status.hasFailedMigration()) {
            throw SchemaWords.failedRefusal(database.target().describe());
        }
        refuseForeign(status);
        foreign.refusalOfHistory(status).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** Tables without a SyncDesk history belong to another application, named as precisely as SyncDesk knows it. */
    void refuseForeign(SchemaStatus status) {
        if (isForeign(status)) {
            throw foreign.refusal();
        }
    }

    boolean isForeign(SchemaStatus status) {
        return status.currentVersion() == 0 && hasForeignTables();
    }

    /** Below a baseline there is no SyncDesk schema to go to: the database was taken over at that version. */
    void refuseBelowBaseline(SchemaStatus status, int target) {
        Optional<MigrationEntry> baseline = status.baseline().filter(b -> target < b.version());
        if (baseline.isEmpty()) {
            return;
        }
        int version = baseline.get().version();
        throw new IllegalArgumentException(foreign.belowBaseline(baseline.get()).orElse("Version " + version + " is the baseline of "
                + database.target().describe() + ": its schema history starts there, and SyncDesk cannot go below it.") + " Nothing was changed.");
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
