package com.syncdesk.cli;

import java.nio.file.Path;

import com.syncdesk.persistence.AppDirectories;

import picocli.CommandLine.Option;

/** Where PostgreSQL backups go; SQLite backups always go into a backups folder beside the file. */
final class BackupFolderOption {

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Folder for PostgreSQL backups (default: backups in the data directory).")
    Path folder;

    Path orDefault() {
        return folder != null ? folder : AppDirectories.defaultBackupFolder();
    }
}
