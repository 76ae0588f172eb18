package com.syncdesk.cli;

import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Texts;
import com.syncdesk.migration.Backup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backup", description = "Back up the database now: a consistent copy of the SQLite file, "
        + "or every table as CSV for PostgreSQL.")
final class BackupCommand extends DatabaseCommand {

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    Path backupFolder() {
        return backupFolder.orDefault();
    }

    @Override
    int run(DatabaseSession session) {
        Backup backup = session.migrations().backup(progress());
        out().printf("Backup taken at schema version %d: %s (%s)%n", backup.version(), backup.location(), Texts.size(backup.sizeBytes()));
        return ExitCodes.OK;
    }
}
