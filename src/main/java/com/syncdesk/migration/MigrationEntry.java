package com.syncdesk.migration;

import java.time.Instant;

/**
 * One migration as the database and this version of SyncDesk see it.
 *
 * @param installedOn     when it was applied (null unless applied)
 * @param executionTimeMs how long applying it took, as Flyway recorded
 * @param checksum        Flyway's checksum of the script
 */
public record MigrationEntry(int version, String description, MigrationState state, Instant installedOn,
                             String installedBy, Integer executionTimeMs, Integer checksum) {
}
