package com.syncdesk.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.persistence.Vendor;

/**
 * Moves a database's schema up through Flyway and down through SyncDesk's own undo runner, previews
 * either direction with the data it would lose, takes and restores backups, and tells where the
 * schema stands. Refuses, changing nothing, to touch a schema newer than this SyncDesk, another
 * application's database, one whose history shows a failed migration, or one another SyncDesk is
 * migrating right now.
 */
public final class MigrationService {

    /** Flyway's schema history table, which other features read to recognise a history SyncDesk did not write. */
    public static final String HISTORY_TABLE = SchemaHistory.HISTORY_TABLE;
    private static final int LEGACY_VERSION_MERGING_SYNC_STATES = 7;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);

    private final Database database;
    private final String operator;
    private final SchemaHistory history;
    private final SchemaGuard guard;
    private final Downgrades downgrades;
    private final BackupStore backups;
    private final ForeignDatabases foreign;

    /** PostgreSQL backups go to the default folder in the data directory. */
    public MigrationService(Database database, String operator) {
        this(database, operator, AppDirectories.defaultBackupFolder());
    }

    /** @param postgresBackupFolder where PostgreSQL backups go; SQLite backups always go beside the file */
    public MigrationService(Database database, String operator, Path postgresBackupFolder) {
        this(database, operator, postgresBackupFolder, ForeignDatabases.unknown(database));
    }

    /** @param foreign what is known of databases SyncDesk did not create (the adoption feature knows sprint-reports') */
    public MigrationService(Database database, String operator, Path postgresBackupFolder, ForeignDatabases foreign) {
        this.database = database;
        this.operator = operator;
        this.history = new SchemaHistory(database, operator);
        this.guard = new SchemaGuard(database, foreign);
        this.downgrades = new Downgrades(database);
        this.backups = BackupStore.of(database, postgresBackupFolder);
        this.foreign = foreign;
    }

    public Database database() {
        return database;
    }

    public SchemaStatus status() {
        return history.status();
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
        guard.refuseUnsafeUpgrade(before);
        int goal = target == null ? before.latestVersion() : target;
        checkUpgradeTarget(before, goal);
        List<MigrationEntry> steps = pendingUpTo(before, goal);
        long legacyRows = steps.stream().anyMatch(m -> m.version() == LEGACY_VERSION_MERGING_SYNC_STATES)
                ? countRowsIfTableExists("sync_states") : 0;
        if (!steps.isEmpty()) {
            Privileges.of(database).refuseUnless(Work.CHANGE_SCHEMA);
            try {
                history.migrate(steps.getLast().version(), steps.size(), progress);
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
            guard.refuseUnsafe(before);
            Downgrades.checkTarget(before, target);
            guard.refuseBelowBaseline(before, target);
            Privileges.of(database).refuseUnless(Work.CHANGE_SCHEMA);
            List<UndoScript> scripts = downgrades.scripts(before, target);
            ForeignSchema.Adapted adapted = ForeignSchema.adapt(database, scripts);
            adapted.refusal(database.target().describe()).ifPresent(refusal -> {
                throw refusal;
            });
            List<DataLoss> loss = downgrades.dataLoss(scripts);
            Optional<Backup> backup = Optional.empty();
            if (backupChoice == BackupChoice.BACKUP_IF_LOSSY && MigrationPlan.losesData(loss, adapted.objects())) {
                List<Drop> drops = scripts.stream().flatMap(s -> s.drops().stream()).toList();
                backup = Optional.of(backups.takeBeforeDowngrade(before.currentVersion(), Downgrades.reached(before, target), drops, progress));
            }
            new UndoRunner(database, operator).runAll(adapted.scripts(), backup, progress);
            return new DowngradeReport(before.currentVersion(), status(), loss, adapted.objects(), backup);
        }
    }

    /**
     * The exact statements moving to {@code target} would run, in order, and for a downgrade what each
     * step would drop, counted in the database. Changes nothing.
     */
    public MigrationPlan preview(int target) {
        SchemaStatus status = status();
        guard.refuseUnsafe(status);
        int current = status.currentVersion();
        if (target > current) {
            checkUpgradeTarget(status, target);
            List<PlannedStep> steps = pendingUpTo(status, target).stream()
                    .map(m -> new PlannedStep(m.version(), m.description(), MigrationCatalog.upgradeStatements(database.vendor(), m.version())))
                    .toList();
            return new MigrationPlan(MigrationPlan.Direction.UPGRADE, current, steps.isEmpty() ? current : steps.getLast().version(), steps,
                    List.of(), List.of(), reapplied(steps));
        }
        if (target == current) {
            return new MigrationPlan(MigrationPlan.Direction.NONE, current, current, List.of(), List.of(), List.of(), List.of());
        }
        Downgrades.checkTarget(status, target);
        guard.refuseBelowBaseline(status, target);
        List<UndoScript> scripts = downgrades.scripts(status, target);
        ForeignSchema.Adapted adapted = ForeignSchema.adapt(database, scripts);
        List<PlannedStep> steps = adapted.scripts().stream().map(script -> {
            List<String> statements = new ArrayList<>(script.statements());
            statements.add(UndoRunner.historyRowRemoval(script.version()));
            return new PlannedStep(script.version(), script.description(), List.copyOf(statements));
        }).toList();
        return new MigrationPlan(MigrationPlan.Direction.DOWNGRADE, current, Downgrades.reached(status, target), steps,
                downgrades.dataLoss(scripts), adapted.objects(), List.of());
    }

    /**
     * The steps of an upgrade that apply a version again after a downgrade undid it and dropped tables or columns, with
     * the backup that holds what was dropped: the newest one taken before the undo with the version in it.
     */
    private List<Reapplied> reapplied(List<PlannedStep> steps) {
        Map<Integer, SchemaHistory.Undo> undos = history.latestUndos();
        if (undos.isEmpty()) {
            return List.of();
        }
        List<Backup> all = backups();
        List<Reapplied> reapplied = new ArrayList<>();
        for (PlannedStep step : steps) {
            SchemaHistory.Undo undo = undos.get(step.version());
            List<Drop> drops = undo == null ? List.of() : MigrationCatalog.undoScript(database.vendor(), step.version(), step.description()).drops();
            if (!drops.isEmpty()) {
                Instant undoneAt = undo.at().isReadable() ? undo.at().instant() : Instant.MAX;
                Optional<Backup> backup = all.stream().filter(b -> b.version() >= step.version() && !b.takenAt().isAfter(undoneAt))
                        .max(Comparator.comparing(Backup::takenAt));
                reapplied.add(new Reapplied(step.version(), step.description(), undo.at(), undo.by(), drops, backup));
            }
        }
        return List.copyOf(reapplied);
    }

    /** Every migration up to {@code target}, oldest first, with the statements it runs, whatever the database's state. */
    public List<PlannedStep> scriptsUpTo(int target) {
        return MigrationCatalog.scripts(database.vendor()).stream().filter(script -> script.version() <= target)
                .map(script -> new PlannedStep(script.version(), script.description(), MigrationCatalog.upgradeStatements(database.vendor(),
                        script.version())))
                .toList();
    }

    /**
     * What a database SyncDesk did not create is, when SyncDesk can take it over ("a sprint-reports database …"); empty
     * for SyncDesk's own databases and for any other application's.
     */
    public Optional<String> adoptable() {
        return guard.isForeign(status()) ? foreign.adoptable() : Optional.empty();
    }

    /**
     * Takes a backup of everything now: the whole SQLite file, or every table as CSV on PostgreSQL. A database
     * SyncDesk can adopt is backed up whole as it is; any other application's is refused.
     */
    public Backup backup(MigrationProgress progress) {
        Privileges.of(database).refuseUnless(Work.BACK_UP);
        SchemaStatus status = status();
        if (guard.isForeign(status)) {
            return foreign.backUp(progress);
        }
        return backups.takeEverything(status.currentVersion(), Backup.BY_HAND, progress);
    }

    /** Where this database's backups go. */
    public Path backupFolder() {
        return backups.folder();
    }

    /** This database's backups, oldest first, including those of it as another application had it. */
    public List<Backup> backups() {
        List<Backup> all = new ArrayList<>(backups.list());
        all.addAll(foreign.backups());
        all.sort(Comparator.comparing(Backup::takenAt));
        return List.copyOf(all);
    }

    /** The backup at {@code location} (a file or folder {@link #backups()} lists). */
    public Backup backupAt(Path location) {
        return backups.describe(location).or(() -> foreign.describe(location)).orElseThrow(() -> new IllegalArgumentException(location
                + " is not a SyncDesk backup of " + database.target().describe() + "."));
    }

    /**
     * Brings a backup back. SQLite: the current file is backed up too, every connection is closed, the
     * backup takes the file's place and the pool reopens. PostgreSQL: the schema is upgraded to the
     * backup's version, then the exported values are written back by id.
     */
    public RestoreReport restore(Backup backup, MigrationProgress progress) {
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            Privileges privileges = Privileges.of(database);
            privileges.refuseUnless(Work.RESTORE);
            if (foreign.describe(backup.location()).isPresent()) {
                foreign.restore(backup, status(), progress);
                return new RestoreReport(backup, status(), Optional.empty());
            }
            // PostgreSQL brings the schema up to the backup's version first: that must be allowed too before anything starts.
            if (database.vendor() == Vendor.POSTGRESQL && status().currentVersion() < backup.version()) {
                privileges.refuseUnless(Work.CHANGE_SCHEMA);
            }
            return backups.restore(backup, new BackupStore.LiveSchema() {
                @Override
                public SchemaStatus status() {
                    return MigrationService.this.status();
                }

                @Override
                public void refuseUnsafe(SchemaStatus status) {
                    guard.refuseUnsafe(status);
                }

                @Override
                public SchemaStatus upgradeTo(int version, MigrationProgress steps) {
                    return upgradeHoldingLock(version, steps).status();
                }
            }, progress);
        }
    }

    /**
     * Checks the database against what this SyncDesk's scripts promise: the applied migrations, and the schema's tables,
     * columns, constraints, indexes, triggers and functions against a fresh schema at the same version. Reads only.
     */
    public Validation validate() {
        return new SchemaValidator(database, history, guard).validate();
    }

    /**
     * SQLite only: what {@code PRAGMA quick_check} finds wrong with the file's pages and indexes, in
     * words; empty when the file is sound. Reads only.
     */
    public List<String> damage() {
        return new SchemaValidator(database, history, guard).damage();
    }

    /**
     * Recreates SyncDesk's missing or changed indexes, triggers, functions and (PostgreSQL) constraints and recounts the
     * dashboard's counts, then removes failed entries from the history and realigns checksums, as Flyway's repair does.
     */
    public RepairReport repair() {
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            SchemaStatus status = status();
            guard.refuseNewer(status);
            return new SchemaValidator(database, history, guard).repair(status);
        }
    }

    /**
     * Throws the refusal an upgrade would meet (newer schema, failed migration, another application's
     * tables) without taking a lock or changing anything.
     */
    public void checkSafeToMigrate() {
        guard.refuseUnsafe(status());
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
}
