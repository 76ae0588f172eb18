package com.syncdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.Json;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.PerformanceStats;
import com.syncdesk.syncstate.SyncStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", description = "Sync statistics: totals by status and type, success rate, durations, API calls, conflicts, errors.")
final class StatsCommand extends WorkspaceCommand {

    private static final int ERROR_EXCERPT = 200;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this entity type.")
    String type;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "24", description = "Window for recent failures and performance figures (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--full-errors", description = "Print error messages whole (by default each is cut to one line of "
            + ERROR_EXCERPT + " characters).")
    boolean fullErrors;

    @Override
    void checkOptions() {
        if (hours < 1) {
            throw new IllegalArgumentException("--hours must be at least 1, not " + hours + ".");
        }
    }

    @Override
    int run(Workspace workspace) {
        EntityType entityType = type == null ? null : StateFilterOptions.parse(EntityType.class, List.of(type)).iterator().next();
        SyncStatistics stats = workspace.syncStates().statistics(entityType, hours);
        PerformanceStats performance = workspace.syncStates().performanceStats(entityType, hours);
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("statistics", stats);
            document.put("performance", performance);
            out().println(Json.pretty(Json.MAPPER.valueToTree(document)));
            return ExitCodes.OK;
        }
        out().printf("Sync states: %,d%n", stats.total());
        out().printf("  by status: %s%n", stats.byStatus());
        out().printf("  by type:   %s%n", stats.byType());
        out().printf("Success rate: %s%n", stats.successRate() == null ? "n/a" : String.format("%.1f %%", stats.successRate() * 100));
        out().printf("Duration: average %s ms, p95 %s ms%n", stats.averageDurationMs() == null ? "n/a" : String.format("%.0f", stats.averageDurationMs()),
                stats.p95DurationMs() == null ? "n/a" : stats.p95DurationMs());
        out().printf("API calls: %,d%n", stats.totalApiCalls());
        out().printf("Open conflicts: %,d in %,d entities%n", stats.openConflicts(), stats.statesWithOpenConflicts());
        out().printf("Failures in the last %d h: %,d%n", stats.windowHours(), stats.failuresInWindow());
        out().println("Errors by kind:");
        stats.errorsByKind().forEach(e -> out().printf("  %7d  %s%n", e.count(), e.message()));
        out().println("Top errors:");
        stats.topErrors().forEach(e -> out().printf("  %7d  %s%n", e.count(), fullErrors ? e.message() : Texts.excerpt(e.message(), ERROR_EXCERPT)));
        out().printf("Last %d h: %d syncs, %d succeeded, %d failed, %.1f %% success, average %s ms, %,d API calls%n", hours,
                performance.totalSyncs(), performance.successfulSyncs(), performance.failedSyncs(), performance.successRate(),
                performance.avgDurationMs() == null ? "n/a" : String.format("%.0f", performance.avgDurationMs()), performance.totalApiCalls());
        return ExitCodes.OK;
    }
}
