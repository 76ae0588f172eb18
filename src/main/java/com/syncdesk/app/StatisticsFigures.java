package com.syncdesk.app;

import java.util.List;
import java.util.Locale;

import com.syncdesk.syncstate.PerformanceStats;
import com.syncdesk.syncstate.SyncStatistics;

/**
 * The sync figures in words, each with what it means, the same on the dashboard's cards and in
 * {@code stats}: two success rates with different definitions must never stand side by side unlabelled.
 */
public final class StatisticsFigures {

    /** One figure: an id for tests and styles, its caption, its value as shown and what the value means. */
    public record Figure(String id, String label, String value, String meaning) {
    }

    private StatisticsFigures() {
    }

    /** The figures over every sync state, as the dashboard's cards show them. */
    public static List<Figure> of(SyncStatistics stats) {
        return List.of(
                new Figure("success-rate", "Success rate", stats.successRate() == null ? "—" : percent(stats.successRate() * 100),
                        "completed ÷ (completed + failed)"),
                new Figure("average-duration", "Average duration", stats.averageDurationMs() == null ? "—"
                        : String.format(Locale.ROOT, "%,.0f ms", stats.averageDurationMs()), "over syncs with a recorded duration"),
                new Figure("p95-duration", "p95 duration", stats.p95DurationMs() == null ? "—" : Texts.count(stats.p95DurationMs()) + " ms",
                        "95% of syncs were at least this fast"),
                new Figure("api-calls", "JIRA API calls", Texts.count(stats.totalApiCalls()), "by the last sync of every entity"),
                new Figure("open-conflicts", "Open conflicts", Texts.count(stats.openConflicts()),
                        "on " + Texts.count(stats.statesWithOpenConflicts()) + " entities, waiting for a human"),
                new Figure("recent-failures", "Failures, last " + stats.windowHours() + " h", Texts.count(stats.failuresInWindow()),
                        "of " + Texts.count(stats.total()) + " sync states in all"));
    }

    /** The original system's performance figures over the states attempted in the last {@code hours} hours. */
    public static List<Figure> of(PerformanceStats performance, int hours) {
        return List.of(
                new Figure("attempted", "Syncs attempted", Texts.count(performance.totalSyncs()), "sync states last attempted in the last " + hours + " h"),
                new Figure("succeeded", "Succeeded", Texts.count(performance.successfulSyncs()), "of those, now completed"),
                new Figure("failed", "Failed", Texts.count(performance.failedSyncs()), "of those, now failed"),
                new Figure("attempt-success-rate", "Success rate of attempts", percent(performance.successRate()),
                        "succeeded ÷ attempted (pending, in progress and skipped count as not succeeded)"),
                new Figure("attempt-duration", "Average duration", performance.avgDurationMs() == null ? "—"
                        : String.format(Locale.ROOT, "%,.0f ms", performance.avgDurationMs()), "over those attempts"),
                new Figure("attempt-api-calls", "JIRA API calls", Texts.count(performance.totalApiCalls()), "by those attempts"));
    }

    private static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }
}
