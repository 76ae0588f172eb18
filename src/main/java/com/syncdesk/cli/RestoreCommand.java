package com.syncdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.RestoreReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "Bring a backup back. SQLite: the file is replaced (the current one is kept as a backup). "
        + "PostgreSQL: the schema is upgraded to the backup's version and the saved values are written back by id.")
final class RestoreCommand extends DatabaseCommand {

    @Parameters(paramLabel = "BACKUP", description = "A backup's location as 'backups' lists it (or its name in the backup folder).")
    Path location;

    @Option(names = "--yes", description = "Confirm replacing the current data (needed when there is no terminal).")
    boolean yes;

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    Path backupFolder() {
        return backupFolder.orDefault();
    }

    @Override
    int run(DatabaseSession session) {
        MigrationService migrations = session.migrations();
        Backup backup = migrations.backupAt(Files.exists(location) ? location : migrations.backupFolder().resolve(location));
        if (!Confirmation.obtain(this, yes, "Replace the data of " + session.database().target().describe() + " with the backup of version "
                + backup.version() + "?", "Restoring replaces the current data of " + session.database().target().describe() + ".")) {
            out().println("Restore declined; nothing was changed.");
            return ExitCodes.DECLINED;
        }
        RestoreReport report = migrations.restore(backup, progress());
        out().printf("Restored %s; the schema is at version %d.%n", backup.location(), report.status().currentVersion());
        report.previousState().ifPresent(previous -> out().printf("The data as it was before is kept in %s.%n", previous.location()));
        return ExitCodes.OK;
    }
}
