package com.syncdesk.migration;

import java.util.Optional;

/**
 * The outcome of a restore.
 *
 * @param previousState a backup of the database as it was just before the restore (SQLite), empty on PostgreSQL
 */
public record RestoreReport(Backup restored, SchemaStatus status, Optional<Backup> previousState) {
}
