package com.syncdesk.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backups", description = "List the backups of the database: time, schema version, size and location.")
final class BackupsCommand extends DatabaseCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

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
        out().printf("%-20s %-8s %10s  %s%n", "TAKEN", "VERSION", "SIZE", "LOCATION");
        for (Backup backup : backups) {
            out().printf("%-20s %-8d %10s  %s%n", WHEN.format(backup.takenAt()), backup.version(),
                    Sizes.readable(backup.sizeBytes()), backup.location());
        }
        return ExitCodes.OK;
    }
}
