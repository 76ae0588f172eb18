package com.syncdesk.cli;

import com.syncdesk.migration.Backup;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backup", description = "Back up the database now: a consistent copy of the SQLite file, "
        + "or every table as CSV for PostgreSQL.")
final class BackupCommand extends DatabaseCommand {

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    int run(Database database) {
        Backup backup = backupFolder.service(database, operatorName()).backup(progress());
        out().printf("Backup taken at schema version %d: %s (%s)%n", backup.version(), backup.location(), Sizes.readable(backup.sizeBytes()));
        return ExitCodes.OK;
    }
}
