package com.syncdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.syncdesk.app.StatisticsFigures;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.PerformanceStats;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.syncstate.SyncStatus;

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
        out().printf("Sync states: %s%n%n", Texts.count(stats.total()));
        counts("STATUS", stats.byStatus(), wire -> EnumValue.parse(SyncStatus.class, wire).words(), stats.total());
        counts("TYPE", stats.byType(), wire -> EnumValue.parse(EntityType.class, wire).words(), stats.total());
        String ofType = entityType == null ? "" : " of type " + entityType.words();
        out().println("Over every sync state" + ofType + ":");
        figures(StatisticsFigures.of(stats));
        out().printf("Over the sync states%s attempted in the last %d h (the original system's get_sync_performance_stats):%n", ofType, hours);
        figures(StatisticsFigures.of(performance, hours));
        errors("KIND OF ERROR", stats.errorsByKind(), false);
        if (fullErrors) {
            wholeErrors(stats.topErrors());
        } else {
            errors("TOP ERROR", stats.topErrors(), true);
        }
        return ExitCodes.OK;
    }

    private void counts(String heading, Map<String, Long> counts, Function<String, String> words, long total) {
        TextTable table = new TextTable(heading, "STATES>", "SHARE>");
        counts.forEach((wire, n) -> table.row(words.apply(wire), Texts.count(n),
                total == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", n * 100.0 / total)));
        table.print(out());
        out().println();
    }

    private void figures(List<StatisticsFigures.Figure> figures) {
        TextTable table = new TextTable("FIGURE", "VALUE>", "MEANING");
        figures.forEach(f -> table.row(f.label(), f.value(), f.meaning()));
        table.print(out());
        out().println();
    }

    /** --full-errors: each top error whole, line breaks and all, under its count (a table would fold it onto one line). */
    private void wholeErrors(List<SyncStatistics.ErrorCount> errors) {
        out().println("TOP ERRORS, WHOLE");
        errors.forEach(e -> out().printf("%s failed with:%n%s%n%n", Texts.count(e.count(), "sync state"), e.message()));
    }

    /** @param cut whether each message is cut to one line of {@link #ERROR_EXCERPT} characters */
    private void errors(String heading, List<SyncStatistics.ErrorCount> errors, boolean cut) {
        TextTable table = new TextTable("FAILED>", heading);
        errors.forEach(e -> table.row(Texts.count(e.count()), cut ? Texts.excerpt(e.message(), ERROR_EXCERPT) : e.message()));
        table.print(out());
        out().println();
    }
}
