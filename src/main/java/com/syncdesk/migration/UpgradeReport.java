package com.syncdesk.migration;

/**
 * The outcome of an upgrade.
 *
 * @param legacyRowsMerged rows of a legacy {@code sync_states} table that version 7 merged into sync_metadata
 */
public record UpgradeReport(int fromVersion, SchemaStatus status, long legacyRowsMerged) {
}
