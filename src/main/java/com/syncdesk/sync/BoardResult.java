package com.syncdesk.sync;

import java.time.Duration;

/**
 * One board of a run.
 *
 * @param problem why the board could not be synced (JIRA refused it, or failed), or null
 */
public record BoardResult(long id, String name, SyncMode mode, SyncCounts counts, long apiCalls, Duration duration, String problem) {
}
