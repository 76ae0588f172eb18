package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;

import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.persistence.Vendor;

/**
 * The schema history as Flyway keeps it, plus SyncDesk's record of downgrades: reads where the schema
 * stands, applies migrations, validates and repairs the history. The only class that configures Flyway.
 */
final class SchemaHistory {

    static final String HISTORY_TABLE = "flyway_schema_history";
    /** SyncDesk's record of downgrades: Flyway's community edition has no notion of "undone". */
    static final String UNDO_LOG_TABLE = "syncdesk_undo_log";

    private final Database database;
    private final String operator;

    SchemaHistory(Database database, String operator) {
        this.database = database;
        this.operator = operator;
    }

    SchemaStatus status() {
        if (database.vendor() == Vendor.SQLITE) {
            // Flyway's info begins a transaction (IMMEDIATE on our pool); on a file another program holds it
            // fails and Flyway never hands that connection back. Refuse cleanly first instead of draining the pool.
            MigrationLock.probeForOtherWriters(database);
        }
        try {
            MigrationInfo[] all = flyway(null).load().info().all();
            Set<Integer> undone = undoneVersions();
            List<MigrationEntry> entries = new ArrayList<>();
            int current = 0;
            for (MigrationInfo info : all) {
                if (info.getVersion() == null) {
                    continue;
                }
                if (info.getState() == org.flywaydb.core.api.MigrationState.BASELINE_IGNORED) {
                    continue; // the script of the baseline's own version: the baseline row stands for it
                }
                int version = Integer.parseInt(info.getVersion().getVersion());
                MigrationState state = stateOf(info, undone.contains(version));
                if (!state.isPending()) {
                    current = Math.max(current, version);
                }
                entries.add(new MigrationEntry(version, info.getDescription(), state, installedOn(info),
                        info.getInstalledBy(), info.getExecutionTime(), info.getChecksum()));
            }
            entries.sort(Comparator.comparingInt(MigrationEntry::version));
            return new SchemaStatus(current, MigrationCatalog.latestVersion(), List.copyOf(entries));
        } catch (FlywayException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    /**
     * Flyway's SQLite history keeps installed_on as UTC text, which the driver reads as local time: read the
     * wall-clock value back as UTC. PostgreSQL's driver gives the right instant already.
     */
    private Instant installedOn(MigrationInfo info) {
        if (info.getInstalledOn() == null) {
            return null;
        }
        Instant read = info.getInstalledOn().toInstant();
        return database.vendor() == Vendor.SQLITE ? LocalDateTime.ofInstant(read, ZoneId.systemDefault()).toInstant(ZoneOffset.UTC) : read;
    }

    private static MigrationState stateOf(MigrationInfo info, boolean undone) {
        return switch (info.getState()) {
            case SUCCESS, OUT_OF_ORDER, OUTDATED, SUPERSEDED -> MigrationState.APPLIED;
            case BASELINE -> MigrationState.BASELINE;
            case BELOW_BASELINE -> MigrationState.BELOW_BASELINE;
            case MISSING_SUCCESS -> MigrationState.MISSING_TOLERATED;
            case FUTURE_SUCCESS -> MigrationState.FUTURE;
            case FAILED, MISSING_FAILED, FUTURE_FAILED -> MigrationState.FAILED;
            case UNDONE -> MigrationState.UNDONE;
            default -> undone ? MigrationState.UNDONE : MigrationState.PENDING;
        };
    }

    /** Applies the migrations up to {@code lastStep}, each in its own transaction, reporting every step. */
    void migrate(int lastStep, int steps, MigrationProgress progress) {
        // Flyway rejects a target that names no migration (a gap such as 6): the caller aims at the last step instead.
        flyway(lastStep).callbacks(new ProgressCallback(steps, Instant.now(), progress)).load().migrate();
    }

    /** Flyway's validation of the applied migrations against the scripts; pending and missing versions are not errors. */
    ValidateResult validate() {
        try {
            return flyway(null).ignoreMigrationPatterns("*:missing", "*:future", "*:pending").load().validateWithResult();
        } catch (FlywayException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    /** Removes failed entries and realigns checksums, as Flyway's repair does. */
    void repair() {
        try {
            flyway(null).load().repair();
        } catch (FlywayException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    /** The latest undo of each version the undo log records: when, and by whom. */
    record Undo(int version, StoredInstant at, String by) {
    }

    Map<Integer, Undo> latestUndos() {
        Map<Integer, Undo> latest = new HashMap<>();
        try (Connection connection = database.connection()) {
            if (!hasUndoLog(connection)) {
                return latest;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version, undone_at, undone_by FROM " + UNDO_LOG_TABLE)) {
                while (rows.next()) {
                    Undo undo = new Undo(rows.getInt(1), SqlValues.readInstant(rows, 2, database.vendor()), rows.getString(3));
                    latest.merge(undo.version(), undo, (a, b) -> a.at().compareTo(b.at()) >= 0 ? a : b);
                }
            }
            return latest;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private Set<Integer> undoneVersions() {
        Set<Integer> versions = new HashSet<>();
        try (Connection connection = database.connection()) {
            if (!hasUndoLog(connection)) {
                return versions;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT DISTINCT version FROM " + UNDO_LOG_TABLE)) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    /**
     * Whether the undo log the unqualified name reaches exists. On PostgreSQL the name is looked up as the query
     * will look it up, through the search_path: another SyncDesk schema in the same database keeps its own log.
     */
    private boolean hasUndoLog(Connection connection) throws SQLException {
        if (database.vendor() == Vendor.POSTGRESQL) {
            try (Statement statement = connection.createStatement();
                 ResultSet found = statement.executeQuery("SELECT to_regclass('" + UNDO_LOG_TABLE + "') IS NOT NULL")) {
                found.next();
                return found.getBoolean(1);
            }
        }
        try (ResultSet tables = connection.getMetaData().getTables(null, null, UNDO_LOG_TABLE, null)) {
            return tables.next();
        }
    }

    private FluentConfiguration flyway(Integer target) {
        FluentConfiguration configuration = Flyway.configure(SchemaHistory.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations("classpath:migrations/" + database.vendor().folder())
                .table(HISTORY_TABLE)
                // The original system's removed migration 6 stays in legacy histories; it must not block anything.
                .ignoreMigrationPatterns("*:missing", "*:future")
                .installedBy(operator)
                .cleanDisabled(true)
                .validateMigrationNaming(true);
        if (target != null) {
            configuration.target(MigrationVersion.fromVersion(Integer.toString(target)));
        }
        return configuration;
    }

    /** Reports each Flyway step to the listener; Flyway runs it inside the migration's transaction. */
    private static final class ProgressCallback implements Callback {
        private final int total;
        private final Instant start;
        private final MigrationProgress progress;
        private int index;

        ProgressCallback(int total, Instant start, MigrationProgress progress) {
            this.total = total;
            this.start = start;
            this.progress = progress;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo info = context.getMigrationInfo();
            String name = "Upgrade to " + info.getVersion() + " (" + info.getDescription() + ")";
            if (event == Event.BEFORE_EACH_MIGRATE) {
                index++;
            }
            Phase phase = event == Event.BEFORE_EACH_MIGRATE ? Phase.STARTED : Phase.FINISHED;
            progress.onStep(new Step(name, index, total, phase, Duration.between(start, Instant.now())));
        }

        @Override
        public String getCallbackName() {
            return "syncdesk-progress";
        }
    }
}
