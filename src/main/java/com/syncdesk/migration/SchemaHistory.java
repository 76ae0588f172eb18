package com.syncdesk.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

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

    /** Flyway's checksum of each script, by vendor folder and file name: the scripts are those of the jar. */
    private static final Map<String, Integer> CHECKSUMS = new ConcurrentHashMap<>();

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
        Optional<SchemaStatus> plain = plainStatus();
        if (plain.isPresent()) {
            return plain.get();
        }
        return flywayStatus();
    }

    /** Where the schema stands as Flyway's info says it, for every history Flyway can read. */
    SchemaStatus flywayStatus() {
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
     * The status read straight from the history when it holds only successful SQL migrations of this SyncDesk's scripts,
     * each with its script's description and checksum and none applied after a pending one: then it is what Flyway's info
     * says, without starting Flyway (half of a {@code status} command's time). Empty for any other history (failed, future,
     * missing, baseline, out of order, changed scripts, another schema's table), which Flyway reads.
     */
    Optional<SchemaStatus> plainStatus() {
        List<MigrationCatalog.Script> scripts = MigrationCatalog.scripts(database.vendor());
        Map<Integer, MigrationCatalog.Script> byVersion = new HashMap<>();
        scripts.forEach(script -> byVersion.put(script.version(), script));
        Map<Integer, MigrationEntry> applied = new HashMap<>();
        Set<Integer> undone;
        try (Connection connection = database.connection()) {
            Optional<String> table = historyTableOf(connection);
            if (table == null) {
                return Optional.empty();
            }
            if (table.isPresent()) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT version, description, type, checksum, installed_by, installed_on, "
                             + "execution_time, success FROM " + table.get())) {
                    while (rows.next()) {
                        String version = rows.getString(1);
                        MigrationCatalog.Script script = version == null || !version.matches("\\d{1,9}") ? null : byVersion.get(Integer.parseInt(version));
                        int checksum = rows.getInt(4);
                        boolean checksumNull = rows.wasNull();
                        if (script == null || !"SQL".equals(rows.getString(3)) || !rows.getBoolean(8) || checksumNull
                                || checksum != checksum(database.vendor(), script) || !script.description().equals(rows.getString(2))
                                || applied.containsKey(script.version())) {
                            return Optional.empty();
                        }
                        Timestamp installedOn = rows.getTimestamp(6);
                        applied.put(script.version(), new MigrationEntry(script.version(), rows.getString(2), MigrationState.APPLIED,
                                installedOn == null ? null : installedOn(installedOn.toInstant()), rows.getString(5), rows.getInt(7), checksum));
                    }
                }
            }
            undone = undoneVersions(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<MigrationEntry> entries = new ArrayList<>();
        for (MigrationCatalog.Script script : scripts) {
            MigrationEntry entry = applied.get(script.version());
            if (entry == null && script.version() < current) {
                return Optional.empty(); // applied out of order: Flyway's word for the one left behind is its own
            }
            entries.add(entry != null ? entry : new MigrationEntry(script.version(), script.description(),
                    undone.contains(script.version()) ? MigrationState.UNDONE : MigrationState.PENDING, null, null, null,
                    checksum(database.vendor(), script)));
        }
        return Optional.of(new SchemaStatus(current, MigrationCatalog.latestVersion(), List.copyOf(entries)));
    }

    /**
     * Flyway's checksum of a script: the CRC-32 of its lines' UTF-8 bytes without their line breaks or a leading byte-order
     * mark (a test holds it to Flyway's own for every script).
     */
    static int checksum(Vendor vendor, MigrationCatalog.Script script) {
        return CHECKSUMS.computeIfAbsent(vendor.folder() + "/" + script.fileName(), name -> {
            CRC32 crc = new CRC32();
            String text = MigrationCatalog.text(vendor, script);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            text.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
            return (int) crc.getValue();
        });
    }

    /**
     * The history table's name as Flyway finds it: empty when there is none yet, null when it cannot be told without
     * Flyway (a PostgreSQL search path naming no existing schema).
     */
    private Optional<String> historyTableOf(Connection connection) throws SQLException {
        if (database.vendor() == Vendor.SQLITE) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, HISTORY_TABLE, null)) {
                return tables.next() ? Optional.of(HISTORY_TABLE) : Optional.empty();
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("SELECT current_schema(), to_regclass(quote_ident(current_schema()) || '."
                     + HISTORY_TABLE + "') IS NOT NULL")) {
            found.next();
            String schema = found.getString(1);
            if (schema == null) {
                return null;
            }
            return found.getBoolean(2) ? Optional.of("\"" + schema.replace("\"", "\"\"") + "\"." + HISTORY_TABLE) : Optional.empty();
        }
    }

    /**
     * Flyway's SQLite history keeps installed_on as UTC text, which the driver reads as local time: read the
     * wall-clock value back as UTC. PostgreSQL's driver gives the right instant already.
     */
    private Instant installedOn(MigrationInfo info) {
        return info.getInstalledOn() == null ? null : installedOn(info.getInstalledOn().toInstant());
    }

    private Instant installedOn(Instant read) {
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
        try (Connection connection = database.connection()) {
            return undoneVersions(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private Set<Integer> undoneVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
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
                // The scripts from the catalog, and no Java migrations: Flyway need not scan the class path for either.
                .resourceProvider(new CatalogResources(database.vendor()))
                .javaMigrationClassProvider(List::of)
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
