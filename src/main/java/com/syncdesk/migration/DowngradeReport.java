package com.syncdesk.migration;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a downgrade.
 *
 * @param dataLoss what the steps dropped, as counted before they ran
 * @param foreign  what the steps did to other clients' objects (columns kept through rebuilds, indexes dropped with a column)
 * @param backup   the backup taken first, empty when none was needed or the operator declined
 */
public record DowngradeReport(int fromVersion, SchemaStatus status, List<DataLoss> dataLoss, List<ForeignObject> foreign, Optional<Backup> backup) {
}
