package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.Vendor;

/**
 * Moves a database's schema up through Flyway and down through SyncDesk's own undo runner, and
 * tells where it stands. Refuses, changing nothing, to touch a schema newer than this SyncDesk,
 * another application's database, or one whose history shows a failed migration.
 */
public final class MigrationService {

    static final String HISTORY_TABLE = "flyway_schema_history";
    /** SyncDesk's record of downgrades: Flyway's community edition has no notion of "undone". */
    static final String UNDO_LOG_TABLE = "syncdesk_undo_log";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);

    private final Database database;
    private final String operator;

    public MigrationService(Database database, String operator) {
        this.database = database;
        this.operator = operator;
    }

    public Database database() {
        return database;
    }

    /** The newest version this SyncDesk ships. */
    public int latestVersion() {
        return status().latestVersion();
    }

    public SchemaStatus status() {
        try {
            MigrationInfo[] all = flyway(null).load().info().all();
            Set<Integer> undone = undoneVersions();
            List<MigrationEntry> entries = new ArrayList<>();
            int current = 0;
            int latest = 0;
            for (MigrationInfo info : all) {
                if (info.getVersion() == null) {
                    continue;
                }
                int version = Integer.parseInt(info.getVersion().getVersion());
                MigrationState state = stateOf(info, undone.contains(version));
                if (state != MigrationState.PENDING && state != MigrationState.UNDONE) {
                    current = Math.max(current, version);
                }
                if (info.getResolvedChecksum() != null) {
                    latest = Math.max(latest, version);
                }
                entries.add(new MigrationEntry(version, info.getDescription(), state,
                        info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                        info.getInstalledBy(), info.getExecutionTime(), info.getChecksum()));
            }
            entries.sort(Comparator.comparingInt(MigrationEntry::version));
            return new SchemaStatus(current, latest, List.copyOf(entries));
        } catch (FlywayException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private static MigrationState stateOf(MigrationInfo info, boolean undone) {
        return switch (info.getState()) {
            case SUCCESS, BASELINE, OUT_OF_ORDER, OUTDATED, SUPERSEDED -> MigrationState.APPLIED;
            case MISSING_SUCCESS -> MigrationState.MISSING_TOLERATED;
            case FUTURE_SUCCESS -> MigrationState.FUTURE;
            case FAILED, MISSING_FAILED, FUTURE_FAILED -> MigrationState.FAILED;
            case UNDONE -> MigrationState.UNDONE;
            default -> undone ? MigrationState.UNDONE : MigrationState.PENDING;
        };
    }

    /** Applies every pending migration up to {@code target} (the latest when null). */
    public SchemaStatus upgrade(Integer target, MigrationProgress progress) {
        SchemaStatus before = status();
        refuseUnsafe(before);
        int goal = target == null ? before.latestVersion() : target;
        if (goal > before.latestVersion()) {
            throw new IllegalArgumentException("Version " + goal + " is unknown; the newest this SyncDesk knows is " + before.latestVersion() + ".");
        }
        if (goal < before.currentVersion()) {
            throw new IllegalArgumentException("The database is at version " + before.currentVersion()
                    + ", above " + goal + ". Use downgrade to go down.");
        }
        List<MigrationEntry> steps = before.pending().stream().filter(m -> m.version() <= goal).toList();
        if (!steps.isEmpty()) {
            Instant start = Instant.now();
            try {
                flyway(goal).callbacks(new ProgressCallback(steps.size(), start, progress)).load().migrate();
            } catch (FlywayException e) {
                SchemaStatus after = status();
                DatabaseException cause = DatabaseErrors.translate(e, database.target());
                throw new DatabaseException(cause.reason() == Reason.FAILED ? Reason.FAILED : cause.reason(),
                        "Upgrade stopped: " + cause.getMessage() + " The database is at version " + after.currentVersion()
                                + "; the failed step was rolled back.", e);
            }
        }
        database.enableWriteAheadLog();
        return status();
    }

    /**
     * Undoes every applied version above {@code target}, newest first. Each undo script and the removal
     * of its history row run in one transaction, so a failure leaves the database at the last good version.
     */
    public SchemaStatus downgrade(int target, MigrationProgress progress) {
        SchemaStatus before = status();
        refuseUnsafe(before);
        if (target < 0 || target >= before.currentVersion()) {
            throw new IllegalArgumentException("Cannot downgrade from version " + before.currentVersion() + " to " + target
                    + ": the target must be below the current version.");
        }
        List<MigrationEntry> steps = before.migrations().stream()
                .filter(m -> m.version() > target)
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.MISSING_TOLERATED)
                .sorted(Comparator.comparingInt(MigrationEntry::version).reversed())
                .toList();
        Instant start = Instant.now();
        UndoRunner runner = new UndoRunner(database, operator);
        for (int i = 0; i < steps.size(); i++) {
            MigrationEntry step = steps.get(i);
            String name = "Undo " + step.version() + " (" + step.description() + ")";
            progress.onStep(new Step(name, i + 1, steps.size(), Phase.STARTED, Duration.between(start, Instant.now())));
            UndoScript script = step.state() == MigrationState.MISSING_TOLERATED
                    ? new UndoScript(step.version(), step.description(), "(history row only)", List.of())
                    : UndoScript.load(database.vendor(), step.version(), step.description());
            try {
                runner.run(script);
            } catch (SQLException | RuntimeException e) {
                DatabaseException cause = DatabaseErrors.translate(e, database.target());
                throw new DatabaseException(cause.reason(), name + " failed and was rolled back: " + cause.getMessage()
                        + " The database is at version " + step.version() + ".", e);
            }
            LOG.info("{} done", name);
            progress.onStep(new Step(name, i + 1, steps.size(), Phase.FINISHED, Duration.between(start, Instant.now())));
        }
        return status();
    }

    /** Checks applied migrations against the scripts; returns the problems in words, empty when valid. */
    public List<String> validate() {
        ValidateResult result = flyway(null).load().validateWithResult();
        List<String> problems = new ArrayList<>();
        if (!result.validationSuccessful) {
            result.invalidMigrations.forEach(m -> problems.add("Version " + m.version + ": " + m.errorDetails.errorMessage));
            if (problems.isEmpty() && result.errorDetails != null) {
                problems.add(result.errorDetails.errorMessage);
            }
        }
        SchemaStatus status = status();
        if (status.isNewerThanApp()) {
            problems.add("The schema is at version " + status.currentVersion() + ", newer than this SyncDesk (" + status.latestVersion() + ").");
        }
        return problems;
    }

    /** Removes failed entries from the history and realigns checksums, as Flyway's repair does. */
    public void repair() {
        refuseNewer(status());
        flyway(null).load().repair();
    }

    private void refuseUnsafe(SchemaStatus status) {
        refuseNewer(status);
        if (status.hasFailedMigration()) {
            throw new DatabaseException(Reason.FAILED, "The history of " + database.target().describe()
                    + " shows a failed migration. Check the schema (or restore a backup), then run repair.");
        }
        if (status.currentVersion() == 0 && hasForeignTables()) {
            throw new DatabaseException(Reason.FOREIGN_SCHEMA, database.target().describe()
                    + " holds tables but no SyncDesk schema history: it belongs to another application. SyncDesk has not changed it.");
        }
    }

    private void refuseNewer(SchemaStatus status) {
        if (status.isNewerThanApp()) {
            throw new DatabaseException(Reason.NEWER_SCHEMA, "The schema of " + database.target().describe() + " is at version "
                    + status.currentVersion() + ", newer than this SyncDesk knows (" + status.latestVersion()
                    + "). Use a newer SyncDesk; nothing was changed.");
        }
    }

    private boolean hasForeignTables() {
        try (Connection connection = database.connection();
             ResultSet tables = connection.getMetaData().getTables(null, database.vendor() == Vendor.POSTGRESQL ? "public" : null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals(HISTORY_TABLE) && !name.equals(UNDO_LOG_TABLE)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private Set<Integer> undoneVersions() {
        Set<Integer> versions = new HashSet<>();
        try (Connection connection = database.connection();
             ResultSet tables = connection.getMetaData().getTables(null, null, UNDO_LOG_TABLE, null)) {
            if (!tables.next()) {
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

    private FluentConfiguration flyway(Integer target) {
        FluentConfiguration configuration = Flyway.configure(MigrationService.class.getClassLoader())
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
