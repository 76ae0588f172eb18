package com.syncdesk.sync;

import java.time.Instant;
import java.util.List;

/**
 * A run that started.
 *
 * @param since             for an incremental run, the start of the last successful run it continues from
 * @param reclaimedRuns     runs found interrupted (their history rows are marked so)
 * @param reclaimedStates   states those runs left in progress, taken up again
 */
public record SyncStart(String batchId, SyncMode mode, boolean dryRun, Instant since, List<Long> boards, int reclaimedRuns,
                        int reclaimedStates) {
}
