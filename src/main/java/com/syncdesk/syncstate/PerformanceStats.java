package com.syncdesk.syncstate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The original system's {@code get_sync_performance_stats(entity_type, hours_back)} figures, over the
 * states attempted within the window.
 *
 * @param successRate percentage of attempted states that completed, 0 to 100
 */
public record PerformanceStats(@JsonProperty("total_syncs") long totalSyncs,
                               @JsonProperty("successful_syncs") long successfulSyncs,
                               @JsonProperty("failed_syncs") long failedSyncs,
                               @JsonProperty("avg_duration_ms") Double avgDurationMs,
                               @JsonProperty("total_api_calls") long totalApiCalls,
                               @JsonProperty("success_rate") double successRate) {
}
