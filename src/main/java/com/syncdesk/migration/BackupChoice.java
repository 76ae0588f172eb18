package com.syncdesk.migration;

/** Whether a downgrade that drops data backs it up first. */
public enum BackupChoice {
    /** Take a backup when a step drops a table with rows or a column with values. */
    BACKUP_IF_LOSSY,
    /** The operator explicitly declined the backup. */
    NO_BACKUP
}
