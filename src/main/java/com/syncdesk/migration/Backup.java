package com.syncdesk.migration;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup SyncDesk took: a copy of the SQLite file, or a folder of CSV files for PostgreSQL.
 *
 * @param version   the schema version of the database when it was taken
 * @param sizeBytes the size on disk
 * @param reason    why it was taken, when the backup records it (a sprint-reports backup: "before adoption"), else empty
 */
public record Backup(Instant takenAt, int version, long sizeBytes, Path location, String reason) {

    public Backup(Instant takenAt, int version, long sizeBytes, Path location) {
        this(takenAt, version, sizeBytes, location, "");
    }
}
