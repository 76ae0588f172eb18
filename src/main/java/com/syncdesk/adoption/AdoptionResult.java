package com.syncdesk.adoption;

import java.time.Duration;

import com.syncdesk.migration.Backup;
import com.syncdesk.migration.SchemaStatus;

/**
 * The outcome of an adoption.
 *
 * @param backup the backup of every table taken before the conversion; restoring it undoes the adoption
 * @param status the schema as SyncDesk sees it now
 */
public record AdoptionResult(AdoptionPreview preview, Backup backup, SchemaStatus status, Duration took) {
}
