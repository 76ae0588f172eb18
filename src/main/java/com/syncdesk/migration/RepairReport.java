package com.syncdesk.migration;

import java.util.List;

/**
 * What repair did and what it could not do.
 *
 * @param recreated   SyncDesk's objects it recreated, e.g. "index idx_unique_entity on sync_metadata"
 * @param notRepaired what it cannot mend (a lost table or column), each with what to do instead
 * @param recounted   whether the dashboard's counts were rebuilt (not while a count table or column is lost)
 */
public record RepairReport(List<String> recreated, List<String> notRepaired, boolean recounted) {
}
