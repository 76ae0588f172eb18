package com.syncdesk.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backups", description = "List the backups of the database: time, schema version, size and location.")
final class BackupsCommand extends DatabaseCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    int run(Database database) {
        MigrationService migrations = backupFolder.service(database, operatorName());
        List<Backup> backups = migrations.backups();
        if (backups.isEmpty()) {
            out().printf("No backups of %s in %s.%n", database.target().describe(), migrations.backupFolder());
            return ExitCodes.OK;
        }
        out().printf("%-20s %-8s %10s  %s%n", "TAKEN", "VERSION", "SIZE", "LOCATION");
        for (Backup backup : backups) {
            out().printf("%-20s %-8d %10s  %s%s%n", WHEN.format(backup.takenAt()), backup.version(),
                    Sizes.readable(backup.sizeBytes()), backup.location(), backup.reason().isEmpty() ? "" : "  (" + backup.reason() + ")");
        }
        return ExitCodes.OK;
    }
}
