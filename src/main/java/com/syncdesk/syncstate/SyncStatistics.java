package com.syncdesk.syncstate;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures, all computed by SQL aggregates.
 *
 * @param byStatus          count per stored status (unknown values written by other clients included as written)
 * @param byType            count per stored entity type
 * @param byTypeAndStatus   entity type → status → count
 * @param successRate       completed / (completed + failed), 0 to 1; null when neither exists
 * @param p95DurationMs     95th percentile (nearest rank) of recorded sync durations
 * @param failuresInWindow  failed states whose last attempt lies within the last {@code windowHours}
 * @param topErrors         the most frequent last errors of failed states
 * @param errorsByKind      failed states grouped by the kind of error (rate limit, auth, ...)
 */
public record SyncStatistics(long total, Map<String, Long> byStatus, Map<String, Long> byType,
                             Map<String, Map<String, Long>> byTypeAndStatus, Double successRate,
                             Double averageDurationMs, Integer p95DurationMs, long totalApiCalls,
                             long openConflicts, long statesWithOpenConflicts, int windowHours, long failuresInWindow,
                             List<ErrorCount> topErrors, List<ErrorCount> errorsByKind) {

    /** A message (or kind) and how many failed states carry it. */
    public record ErrorCount(String message, long count) {
    }
}
