package com.syncdesk.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the engine works, beyond the connection's own settings (strategy, parking after N failures, backlog).
 *
 * @param overlap          how far before the last successful run's start an incremental run asks JIRA for changes, for
 *                         clocks that disagree and JQL's minute precision
 * @param retryBase        the wait before a later run retries a state that failed transiently; it grows fourfold per failure
 * @param retryCap         the longest such wait
 * @param parallelPushes   JIRA writes in flight at once (the client bounds requests per site as well)
 * @param chunk            entities written per transaction
 * @param maxJiraDeletions issues a run deletes in JIRA because they were deleted locally; more become deletion conflicts,
 *                         so an emptied local table is never mirrored into JIRA
 */
public record SyncSettings(Duration overlap, Duration retryBase, Duration retryCap, int parallelPushes, int chunk, int maxJiraDeletions,
                           Clock clock) {

    public SyncSettings {
        Objects.requireNonNull(clock, "clock");
        if (overlap.isNegative() || !retryBase.isPositive() || retryCap.compareTo(retryBase) < 0 || parallelPushes < 1 || chunk < 1
                || maxJiraDeletions < 0) {
            throw new IllegalArgumentException("Invalid sync settings");
        }
    }

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(6), 4, 2_000, 100, Clock.systemUTC());
    }

    public SyncSettings withClock(Clock value) {
        return new SyncSettings(overlap, retryBase, retryCap, parallelPushes, chunk, maxJiraDeletions, value);
    }

    public SyncSettings withRetry(Duration base, Duration cap) {
        return new SyncSettings(overlap, base, cap, parallelPushes, chunk, maxJiraDeletions, clock);
    }

    public SyncSettings withMaxJiraDeletions(int deletions) {
        return new SyncSettings(overlap, retryBase, retryCap, parallelPushes, chunk, deletions, clock);
    }

    public SyncSettings withParallelPushes(int pushes) {
        return new SyncSettings(overlap, retryBase, retryCap, pushes, chunk, maxJiraDeletions, clock);
    }

    /** When a state that failed {@code failures} times in a row, transiently, is tried again: base × 4^(failures − 1), capped. */
    Duration retryAfter(int failures) {
        long factor = 1L << (2 * Math.min(Math.max(failures - 1, 0), 20));
        Duration wait = retryBase.multipliedBy(factor);
        return wait.compareTo(retryCap) > 0 || wait.isNegative() ? retryCap : wait;
    }
}
