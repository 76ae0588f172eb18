package com.syncdesk.migration;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup SyncDesk took: a copy of the SQLite file, or a folder of CSV files for PostgreSQL.
 *
 * @param version   the schema version of the database when it was taken
 * @param sizeBytes the size on disk
 * @param reason    why it was taken, when the backup records it ("by hand", "before the downgrade to 4", "before a
 *                  restore", a sprint-reports backup "before adoption"), else empty (taken by an older SyncDesk)
 */
public record Backup(Instant takenAt, int version, long sizeBytes, Path location, String reason) {

    /** Taken on the operator's request: {@code syncdesk backup}, the console's "Back up now". */
    public static final String BY_HAND = "by hand";
    /** The data a restore replaced, kept before the restore put an older backup in its place. */
    public static final String BEFORE_RESTORE = "before a restore";

    public Backup {
        reason = reason == null ? "" : reason;
    }

    public Backup(Instant takenAt, int version, long sizeBytes, Path location) {
        this(takenAt, version, sizeBytes, location, "");
    }

    /** Taken before a downgrade dropped data, so the values can be brought back. */
    public static String beforeDowngradeTo(int version) {
        return "before the downgrade to " + version;
    }
}
