package com.syncdesk.adoption;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.syncdesk.migration.Backup;
import com.syncdesk.migration.ForeignDatabases;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/**
 * What SyncDesk knows of the original system's databases, for the migration service: a sprint-reports
 * database is named as such (with {@code adopt}) where any other application's is refused, is backed up
 * whole, and an adopted one goes back through the backup taken before adoption.
 */
public final class SprintReportsDatabases implements ForeignDatabases {

    private final Database database;
    private final Path backupFolder;
    private final ForeignDatabases unknown;

    /** @param backupFolder where backups taken before adoption are (PostgreSQL backups' folder) */
    public SprintReportsDatabases(Database database, Path backupFolder) {
        this.database = database;
        this.backupFolder = backupFolder;
        this.unknown = ForeignDatabases.unknown(database);
    }

    /** sprint-reports ran on PostgreSQL only: a SQLite file is never one of its databases. */
    private boolean mayBeOne() {
        return database.vendor() == Vendor.POSTGRESQL;
    }

    private Recognition recognition() {
        return OriginInspector.inspect(database);
    }

    @Override
    public DatabaseException refusal() {
        if (!mayBeOne()) {
            return unknown.refusal();
        }
        Recognition origin = recognition();
        return origin.isSprintReports() ? origin.refusal() : unknown.refusal();
    }

    @Override
    public Optional<DatabaseException> refusalOfHistory(SchemaStatus status) {
        return mayBeOne() ? OriginInspector.handMadeBaseline(database, status) : Optional.empty();
    }

    @Override
    public Optional<String> adoptable() {
        if (!mayBeOne()) {
            return Optional.empty();
        }
        Recognition origin = recognition();
        return origin.isAdoptable() ? Optional.of(origin.summary()) : Optional.empty();
    }

    @Override
    public List<Backup> backups() {
        return mayBeOne() ? new OriginBackups(database, backupFolder).list() : List.of();
    }

    @Override
    public Optional<Backup> describe(Path location) {
        return mayBeOne() ? new OriginBackups(database, backupFolder).describe(location) : Optional.empty();
    }

    @Override
    public Backup backUp(MigrationProgress progress) {
        if (adoptable().isEmpty()) {
            throw refusal();
        }
        return new OriginBackups(database, backupFolder).take(progress);
    }

    @Override
    public void restore(Backup backup, SchemaStatus status, MigrationProgress progress) {
        new OriginBackups(database, backupFolder).restore(backup, status, progress);
    }

    @Override
    public Optional<String> belowBaseline(MigrationEntry baseline) {
        if (!AdoptionPlan.isAdoption(baseline)) {
            return Optional.empty();
        }
        String backup = new OriginBackups(database, backupFolder).latestBeforeAdoption().map(b -> ": restore " + b.location())
                .orElse(" (it is not in " + backupFolder + "; look where adopt's --backup-dir pointed)");
        return Optional.of("Version " + baseline.version() + " is where SyncDesk adopted " + database.target().describe() + " ("
                + baseline.description() + "): there is no SyncDesk schema below it. To go back, restore the backup taken before adoption"
                + backup + ".");
    }
}
