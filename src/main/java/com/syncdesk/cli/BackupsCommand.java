package com.syncdesk.cli;

import java.nio.file.Path;
import java.util.List;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Texts;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backups", description = "List the backups of the database: time, schema version, size and location.")
final class BackupsCommand extends DatabaseCommand {

    private static final Texts TEXTS = Texts.system();

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    Path backupFolder() {
        return backupFolder.orDefault();
    }

    @Override
    int run(DatabaseSession session) {
        MigrationService migrations = session.migrations();
        List<Backup> backups = migrations.backups();
        if (backups.isEmpty()) {
            out().printf("No backups of %s in %s.%n", session.database().target().describe(), migrations.backupFolder());
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("TAKEN", "VERSION>", "SIZE>", "LOCATION");
        for (Backup backup : backups) {
            table.row(TEXTS.timestamp(backup.takenAt()), backup.version(), Texts.size(backup.sizeBytes()),
                    backup.location() + (backup.reason().isEmpty() ? "" : "  (" + backup.reason() + ")"));
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
