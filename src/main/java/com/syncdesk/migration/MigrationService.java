package com.syncdesk.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

import com.syncdesk.adoption.AdoptionPlan;
import com.syncdesk.adoption.OriginBackups;
import com.syncdesk.adoption.OriginInspector;
import com.syncdesk.adoption.Recognition;
import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.DashboardCounts;

/**
 * Moves a database's schema up through Flyway and down through SyncDesk's own undo runner, previews
 * either direction with the data it would lose, takes and restores backups, and tells where the
 * schema stands. Refuses, changing nothing, to touch a schema newer than this SyncDesk, another
 * application's database, one whose history shows a failed migration, or one another SyncDesk is
 * migrating right now.
 */
public final class MigrationService {

    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** SyncDesk's record of downgrades: Flyway's community edition has no notion of "undone". */
    static final String UNDO_LOG_TABLE = "syncdesk_undo_log";
    private static final int LEGACY_VERSION_MERGING_SYNC_STATES = 7;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);

    private final Database database;
    private final String operator;
    private final Path postgresBackupFolder;
    /** A statement slipped into one undo script, so tests can make a step fail half-way. */
    private UndoInjection injection;

    private record UndoInjection(int version, int position, String statement) {
    }

    public MigrationService(Database database, String operator) {
        this(database, operator, AppDirectories.dataDirectory().resolve("backups"));
    }

    /** @param postgresBackupFolder where PostgreSQL backups go; SQLite backups always go beside the file */
    public MigrationService(Database database, String operator, Path postgresBackupFolder) {
        this.database = database;
        this.operator = operator;
        this.postgresBackupFolder = postgresBackupFolder;
    }

    public Database database() {
        return database;
    }

    /** The newest version this SyncDesk ships. */
    public int latestVersion() {
        return status().latestVersion();
    }

    public SchemaStatus status() {
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
            int latest = 0;
            for (MigrationInfo info : all) {
                if (info.getVersion() == null) {
                    continue;
                }
                int version = Integer.parseInt(info.getVersion().getVersion());
                if (info.getResolvedChecksum() != null) {
                    latest = Math.max(latest, version);
                }
                if (info.getState() == org.flywaydb.core.api.MigrationState.BASELINE_IGNORED) {
                    continue; // the script of the baseline's own version: the baseline row stands for it
                }
                MigrationState state = stateOf(info, undone.contains(version));
                if (state != MigrationState.PENDING && state != MigrationState.UNDONE) {
                    current = Math.max(current, version);
                }
                entries.add(new MigrationEntry(version, info.getDescription(), state, installedOn(info),
                        info.getInstalledBy(), info.getExecutionTime(), info.getChecksum()));
            }
            entries.sort(Comparator.comparingInt(MigrationEntry::version));
            return new SchemaStatus(current, latest, List.copyOf(entries));
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

    /** Applies every pending migration up to {@code target} (the latest when null). */
    public SchemaStatus upgrade(Integer target, MigrationProgress progress) {
        return upgradeWithReport(target, progress).status();
    }

    /** Like {@link #upgrade}, and says how many legacy sync_states rows were merged on the way. */
    public UpgradeReport upgradeWithReport(Integer target, MigrationProgress progress) {
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            return upgradeHoldingLock(target, progress);
        }
    }

    private UpgradeReport upgradeHoldingLock(Integer target, MigrationProgress progress) {
        SchemaStatus before = status();
        refuseUnsafe(before);
        int goal = target == null ? before.latestVersion() : target;
        checkUpgradeTarget(before, goal);
        List<MigrationEntry> steps = pendingUpTo(before, goal);
        long legacyRows = steps.stream().anyMatch(m -> m.version() == LEGACY_VERSION_MERGING_SYNC_STATES)
                ? countRowsIfTableExists("sync_states") : 0;
        if (!steps.isEmpty()) {
            Instant start = Instant.now();
            try {
                // Flyway rejects a target that names no migration (a gap such as 6): aim at the last step instead.
                flyway(steps.getLast().version()).callbacks(new ProgressCallback(steps.size(), start, progress)).load().migrate();
            } catch (FlywayException e) {
                SchemaStatus after = status();
                DatabaseException cause = DatabaseErrors.translate(e, database.target());
                throw new DatabaseException(cause.reason(),
                        "Upgrade stopped: " + cause.getMessage() + " The database is at version " + after.currentVersion()
                                + "; the failed step was rolled back.", e);
            }
            if (legacyRows > 0) {
                LOG.info("Merged {} rows of the legacy sync_states table into sync_metadata", legacyRows);
            }
        }
        database.enableWriteAheadLog();
        return new UpgradeReport(before.currentVersion(), status(), legacyRows);
    }

    private static void checkUpgradeTarget(SchemaStatus before, int goal) {
        if (goal > before.latestVersion()) {
            throw new IllegalArgumentException("Version " + goal + " is unknown; the newest this SyncDesk knows is " + before.latestVersion() + ".");
        }
        if (goal < before.currentVersion()) {
            throw new IllegalArgumentException("The database is at version " + before.currentVersion()
                    + ", above " + goal + ". Use downgrade to go down.");
        }
    }

    private static List<MigrationEntry> pendingUpTo(SchemaStatus status, int goal) {
        return status.pending().stream().filter(m -> m.version() <= goal).toList();
    }

    /**
     * Undoes every applied version above {@code target}, newest first. Each undo script and the removal
     * of its history row run in one transaction, so a failure leaves the database at the last good
     * version. When a step drops data, a backup is taken first unless the operator declined it.
     */
    public DowngradeReport downgrade(int target, BackupChoice backupChoice, MigrationProgress progress) {
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            SchemaStatus before = status();
            refuseUnsafe(before);
            checkDowngradeTarget(before, target);
            refuseBelowBaseline(before, target);
            List<UndoScript> scripts = undoScripts(before, target);
            List<DataLoss> loss = dataLoss(scripts);
            Optional<Backup> backup = Optional.empty();
            if (backupChoice == BackupChoice.BACKUP_IF_LOSSY && loss.stream().anyMatch(l -> l.values() > 0)) {
                backup = Optional.of(backupBeforeDowngrade(before.currentVersion(), scripts, progress));
            }
            runUndoSteps(scripts, backup, progress);
            return new DowngradeReport(before.currentVersion(), status(), loss, backup);
        }
    }

    private static void checkDowngradeTarget(SchemaStatus before, int target) {
        if (target < 0 || target >= before.currentVersion()) {
            throw new IllegalArgumentException("Cannot downgrade from version " + before.currentVersion() + " to " + target
                    + ": the target must be below the current version.");
        }
    }

    /**
     * Below a baseline there is no SyncDesk schema to go to: the database was taken over at that version. For an
     * adopted sprint-reports database, going back is restoring the backup adopt took first.
     */
    private void refuseBelowBaseline(SchemaStatus status, int target) {
        Optional<MigrationEntry> baseline = status.baseline().filter(b -> target < b.version());
        if (baseline.isEmpty()) {
            return;
        }
        int version = baseline.get().version();
        if (!AdoptionPlan.isAdoption(baseline.get())) {
            throw new IllegalArgumentException("Version " + version + " is the baseline of " + database.target().describe()
                    + ": its schema history starts there, and SyncDesk cannot go below it. Nothing was changed.");
        }
        String backup = database.vendor() == Vendor.POSTGRESQL ? new OriginBackups(database, postgresBackupFolder).latestBeforeAdoption()
                .map(b -> ": restore " + b.location()).orElse(" (it is not in " + postgresBackupFolder + "; look where adopt's --backup-dir pointed)")
                : "";
        throw new IllegalArgumentException("Version " + version + " is where SyncDesk adopted " + database.target().describe() + " ("
                + baseline.get().description() + "): there is no SyncDesk schema below it. To go back, restore the backup taken before adoption"
                + backup + ". Nothing was changed.");
    }

    private void runUndoSteps(List<UndoScript> scripts, Optional<Backup> backup, MigrationProgress progress) {
        Instant start = Instant.now();
        UndoRunner runner = new UndoRunner(database, operator);
        for (int i = 0; i < scripts.size(); i++) {
            UndoScript script = scripts.get(i);
            String name = "Undo " + script.version() + " (" + script.description() + ")";
            progress.onStep(new Step(name, i + 1, scripts.size(), Phase.STARTED, Duration.between(start, Instant.now())));
            try {
                runner.run(script);
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

    /** The undo scripts a downgrade to {@code target} runs, newest version first. */
    private List<UndoScript> undoScripts(SchemaStatus status, int target) {
        return status.migrations().stream()
                .filter(m -> m.version() > target)
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.MISSING_TOLERATED)
                .sorted(Comparator.comparingInt(MigrationEntry::version).reversed())
                .map(this::undoScriptFor)
                .toList();
    }

    private UndoScript undoScriptFor(MigrationEntry entry) {
        UndoScript script = entry.state() == MigrationState.MISSING_TOLERATED
                ? UndoScript.historyRowOnly(entry.version(), entry.description())
                : UndoScript.load(database.vendor(), entry.version(), entry.description());
        if (injection != null && injection.version() == entry.version()) {
            return script.withStatementInserted(injection.position(), injection.statement());
        }
        return script;
    }

    /** Test hook: the undo of {@code version} runs {@code statement} before its statement at {@code position}. */
    void injectIntoUndo(int version, int position, String statement) {
        injection = new UndoInjection(version, position, statement);
    }

    /**
     * The exact statements moving to {@code target} would run, in order, and for a downgrade what each
     * step would drop, counted in the database. Changes nothing.
     */
    public MigrationPlan preview(int target) {
        SchemaStatus status = status();
        refuseUnsafe(status);
        int current = status.currentVersion();
        if (target > current) {
            checkUpgradeTarget(status, target);
            List<PlannedStep> steps = pendingUpTo(status, target).stream()
                    .map(m -> new PlannedStep(m.version(), m.description(), upgradeStatements(m.version())))
                    .toList();
            return new MigrationPlan(MigrationPlan.Direction.UPGRADE, current, steps.isEmpty() ? current : steps.getLast().version(), steps, List.of());
        }
        if (target == current) {
            return new MigrationPlan(MigrationPlan.Direction.NONE, current, current, List.of(), List.of());
        }
        checkDowngradeTarget(status, target);
        refuseBelowBaseline(status, target);
        List<UndoScript> scripts = undoScripts(status, target);
        List<PlannedStep> steps = scripts.stream().map(script -> {
            List<String> statements = new ArrayList<>(script.statements());
            statements.add(UndoRunner.historyRowRemoval(script.version()));
            return new PlannedStep(script.version(), script.description(), List.copyOf(statements));
        }).toList();
        int reached = status.migrations().stream()
                .filter(m -> m.version() <= target)
                .filter(m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.MISSING_TOLERATED)
                .mapToInt(MigrationEntry::version).max().orElse(0);
        return new MigrationPlan(MigrationPlan.Direction.DOWNGRADE, current, reached, steps, dataLoss(scripts));
    }

    /** Every migration up to {@code target}, oldest first, with the statements it runs, whatever the database's state: adopt runs them itself. */
    public List<PlannedStep> scriptsUpTo(int target) {
        return Arrays.stream(flyway(null).load().info().all())
                .filter(m -> m.getVersion() != null && m.getResolvedChecksum() != null)
                .filter(m -> Integer.parseInt(m.getVersion().getVersion()) <= target)
                .map(m -> new PlannedStep(Integer.parseInt(m.getVersion().getVersion()), m.getDescription(), statementsOf(m)))
                .sorted(Comparator.comparingInt(PlannedStep::version))
                .toList();
    }

    private List<String> upgradeStatements(int version) {
        MigrationInfo info = Arrays.stream(flyway(null).load().info().all())
                .filter(m -> m.getVersion() != null && m.getVersion().getVersion().equals(Integer.toString(version)))
                .findFirst().orElseThrow();
        return statementsOf(info);
    }

    private List<String> statementsOf(MigrationInfo info) {
        String resource = "migrations/" + database.vendor().folder() + "/" + info.getScript();
        try (InputStream in = MigrationService.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No migration script " + resource);
            }
            return SqlScript.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** Counts, without loading rows, what each dropped table and column holds right now. */
    private List<DataLoss> dataLoss(List<UndoScript> scripts) {
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

    /** Takes a backup of everything now: the whole SQLite file, or every table as CSV on PostgreSQL. */
    public Backup backup(MigrationProgress progress) {
        SchemaStatus status = status();
        int version = status.currentVersion();
        if (database.vendor() == Vendor.SQLITE) {
            return backupSqlite(version, progress);
        }
        if (version == 0 && hasForeignTables()) {
            // A sprint-reports database SyncDesk can adopt is backed up whole, as adopt does first; any other is refused.
            Recognition origin = OriginInspector.inspect(database);
            if (!origin.isAdoptable()) {
                throw foreignSchema(origin);
            }
            return new OriginBackups(database, postgresBackupFolder).take(progress);
        }
        return new PostgresBackups(database, postgresBackupFolder).takeEverything(version, progress);
    }

    private Backup backupBeforeDowngrade(int version, List<UndoScript> scripts, MigrationProgress progress) {
        if (database.vendor() == Vendor.SQLITE) {
            return backupSqlite(version, progress);
        }
        List<Drop> drops = scripts.stream().flatMap(s -> s.drops().stream()).toList();
        return new PostgresBackups(database, postgresBackupFolder).takeDropped(version, drops, progress);
    }

    private Backup backupSqlite(int version, MigrationProgress progress) {
        Instant start = Instant.now();
        SqliteBackups backups = new SqliteBackups(database);
        String name = "Back up to " + backups.folder();
        progress.onStep(new Step(name, 1, 1, Phase.STARTED, Duration.ZERO));
        Backup backup = backups.take(version);
        progress.onStep(new Step(name, 1, 1, Phase.FINISHED, Duration.between(start, Instant.now())));
        return backup;
    }

    /** Where this database's backups go. */
    public Path backupFolder() {
        return database.vendor() == Vendor.SQLITE ? new SqliteBackups(database).folder() : postgresBackupFolder;
    }

    /** This database's backups, oldest first. */
    public List<Backup> backups() {
        if (database.vendor() == Vendor.SQLITE) {
            return new SqliteBackups(database).list();
        }
        List<Backup> backups = new ArrayList<>(new PostgresBackups(database, postgresBackupFolder).list());
        backups.addAll(new OriginBackups(database, postgresBackupFolder).list());
        backups.sort(Comparator.comparing(Backup::takenAt));
        return List.copyOf(backups);
    }

    /** The backup at {@code location} (a file or folder {@link #backups()} lists). */
    public Backup backupAt(Path location) {
        Optional<Backup> backup = database.vendor() == Vendor.SQLITE ? new SqliteBackups(database).describe(location)
                : new PostgresBackups(database, postgresBackupFolder).describe(location)
                        .or(() -> new OriginBackups(database, postgresBackupFolder).describe(location));
        return backup.orElseThrow(() -> new IllegalArgumentException(location + " is not a SyncDesk backup of "
                + database.target().describe() + "."));
    }

    /**
     * Brings a backup back. SQLite: the current file is backed up too, every connection is closed, the
     * backup takes the file's place and the pool reopens. PostgreSQL: the schema is upgraded to the
     * backup's version, then the exported values are written back by id.
     */
    public RestoreReport restore(Backup backup, MigrationProgress progress) {
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            if (database.vendor() == Vendor.SQLITE) {
                return restoreSqlite(backup, progress);
            }
            if (OriginBackups.isOriginBackup(backup)) {
                new OriginBackups(database, postgresBackupFolder).restore(backup, status(), progress);
                return new RestoreReport(backup, status(), Optional.empty());
            }
            return restorePostgres(backup, progress);
        }
    }

    private RestoreReport restoreSqlite(Backup backup, MigrationProgress progress) {
        Instant start = Instant.now();
        SqliteBackups backups = new SqliteBackups(database);
        progress.onStep(new Step("Keep the current file as a backup", 1, 3, Phase.STARTED, Duration.ZERO));
        Backup previous = backups.take(status().currentVersion());
        progress.onStep(new Step("Keep the current file as a backup", 1, 3, Phase.FINISHED, Duration.between(start, Instant.now())));
        progress.onStep(new Step("Close connections and put the backup in place", 2, 3, Phase.STARTED, Duration.between(start, Instant.now())));
        backups.swapIn(backup);
        progress.onStep(new Step("Close connections and put the backup in place", 2, 3, Phase.FINISHED, Duration.between(start, Instant.now())));
        progress.onStep(new Step("Reopen", 3, 3, Phase.STARTED, Duration.between(start, Instant.now())));
        database.enableWriteAheadLog();
        SchemaStatus status = status();
        progress.onStep(new Step("Reopen", 3, 3, Phase.FINISHED, Duration.between(start, Instant.now())));
        return new RestoreReport(backup, status, Optional.of(previous));
    }

    private RestoreReport restorePostgres(Backup backup, MigrationProgress progress) {
        SchemaStatus before = status();
        refuseUnsafe(before);
        if (before.currentVersion() > backup.version()) {
            throw new IllegalArgumentException("The database is at version " + before.currentVersion() + ", above the backup's "
                    + backup.version() + ". Downgrade to " + backup.version() + " first, then restore.");
        }
        if (before.currentVersion() < backup.version()) {
            upgradeHoldingLock(backup.version(), progress);
        }
        new PostgresBackups(database, postgresBackupFolder).load(backup, progress);
        return new RestoreReport(backup, status(), Optional.empty());
    }

    /** Checks applied migrations against the scripts; returns the problems in words, empty when valid. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>(damage());
        if (!problems.isEmpty()) {
            return problems;
        }
        refuseForeign(status());
        // A schema that is merely behind is valid: pending versions are for upgrade, not errors.
        ValidateResult result;
        try {
            result = flyway(null).ignoreMigrationPatterns("*:missing", "*:future", "*:pending").load().validateWithResult();
        } catch (FlywayException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        if (!result.validationSuccessful) {
            result.invalidMigrations.forEach(m -> problems.add("Version " + m.version + ": " + m.errorDetails.errorMessage));
            if (problems.isEmpty() && result.errorDetails != null) {
                problems.add(result.errorDetails.errorMessage);
            }
        }
        SchemaStatus status = status();
        if (status.isNewerThanApp()) {
            problems.add("The schema is at version " + status.currentVersion() + ", newer than this SyncDesk (" + status.latestVersion() + ").");
        } else if (status.currentVersion() >= DashboardCounts.SINCE_VERSION) {
            int drift = database.read(DashboardCounts::drift);
            if (drift > 0) {
                problems.add("The dashboard's counts differ from the sync states in " + drift + " figures (states were written with "
                        + "the counting triggers off); repair recounts them.");
            }
        }
        return problems;
    }

    /**
     * SQLite only: what {@code PRAGMA quick_check} finds wrong with the file's pages and indexes, in
     * words; empty when the file is sound. Reads only.
     */
    public List<String> damage() {
        if (database.vendor() != Vendor.SQLITE) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check(20)")) {
            while (rows.next()) {
                // One row may carry several findings, one per line, under a "*** in database main ***" heading.
                rows.getString(1).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.equalsIgnoreCase("ok") && !line.startsWith("***"))
                        .forEach(findings::add);
            }
        } catch (SQLException e) {
            DatabaseException translated = DatabaseErrors.translate(e, database.target());
            if (translated.reason() != Reason.CORRUPT) {
                throw translated;
            }
            findings.add(DatabaseErrors.deepestMessage(e));
        }
        if (findings.isEmpty()) {
            return List.of();
        }
        return List.of(database.target().describe() + " is damaged: SQLite's integrity check reports " + (findings.size() >= 20 ? "20 or more" : findings.size())
                + " problem(s), the first: " + findings.getFirst() + ". Restore it from a backup; SyncDesk has not changed it.");
    }

    /** Removes failed entries from the history and realigns checksums, as Flyway's repair does, and recounts the dashboard's counts. */
    public void repair() {
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            SchemaStatus status = status();
            refuseNewer(status);
            refuseForeign(status);
            flyway(null).load().repair();
            if (status.currentVersion() >= DashboardCounts.SINCE_VERSION) {
                database.inTransaction(connection -> {
                    DashboardCounts.recount(connection);
                    return null;
                });
            }
        }
    }

    /**
     * Throws the refusal an upgrade would meet (newer schema, failed migration, another application's
     * tables) without taking a lock or changing anything.
     */
    public void checkSafeToMigrate() {
        refuseUnsafe(status());
    }

    private void refuseUnsafe(SchemaStatus status) {
        refuseNewer(status);
        if (status.hasFailedMigration()) {
            throw new DatabaseException(Reason.FAILED_MIGRATION, "The history of " + database.target().describe()
                    + " shows a failed migration. Check the schema (or restore a backup), then run repair; nothing was changed.");
        }
        refuseForeign(status);
        OriginInspector.handMadeBaseline(database, status).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** Tables without a SyncDesk history belong to another application; a sprint-reports database is named as such, with adopt. */
    private void refuseForeign(SchemaStatus status) {
        if (status.currentVersion() == 0 && hasForeignTables()) {
            throw foreignSchema(OriginInspector.inspect(database));
        }
    }

    private DatabaseException foreignSchema(Recognition origin) {
        return origin.isSprintReports() ? origin.refusal() : new DatabaseException(Reason.FOREIGN_SCHEMA, database.target().describe()
                + " holds tables but no SyncDesk schema history: it belongs to another application. SyncDesk has not changed it.");
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

    private long countRowsIfTableExists(String table) {
        try (Connection connection = database.connection();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
            if (!tables.next()) {
                return 0;
            }
            try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                count.next();
                return count.getLong(1);
            }
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
