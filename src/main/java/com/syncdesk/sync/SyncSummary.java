package com.syncdesk.sync;

import java.time.Duration;
import java.util.List;

/**
 * How a run ended and what it did.
 *
 * @param error          why it failed, was refused or stopped; null when it completed
 * @param searchCalls    issue searches among the API calls
 * @param rateLimitWaits times JIRA's rate limit made SyncDesk wait
 * @param waited         time spent waiting for JIRA's rate limits and backoffs
 */
public record SyncSummary(String batchId, SyncMode mode, boolean dryRun, Outcome outcome, String error, SyncCounts counts, long apiCalls,
                          long searchCalls, long rateLimitWaits, Duration waited, Duration duration, List<BoardResult> boards) {

    public enum Outcome {
        COMPLETED,
        /** Stopped on request after the entity it was on; everything it did is recorded. */
        CANCELLED,
        /** JIRA refused the secret (or the address is no longer JIRA): the run stopped at once. */
        REFUSED,
        /** A board could not be read, or the run failed; what it did before is recorded. */
        FAILED
    }

    public SyncSummary {
        boards = List.copyOf(boards);
    }
}
