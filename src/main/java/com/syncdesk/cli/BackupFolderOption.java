package com.syncdesk.cli;

import java.nio.file.Path;

import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Option;

/** Where PostgreSQL backups go; SQLite backups always go into a backups folder beside the file. */
final class BackupFolderOption {

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Folder for PostgreSQL backups (default: backups in the data directory).")
    Path folder;

    MigrationService service(Database database, String operator) {
        return new MigrationService(database, operator, folder != null ? folder : AppDirectories.defaultBackupFolder());
    }
}
