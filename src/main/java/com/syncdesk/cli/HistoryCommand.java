package com.syncdesk.cli;

import java.util.List;
import java.util.Locale;

import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.history.DailyRuns;
import com.syncdesk.history.SyncHistoryFilter;
import com.syncdesk.history.SyncHistoryRow;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.SyncStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "Recent sync runs, newest first, and failures per day.")
final class HistoryCommand extends WorkspaceCommand {

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "Only runs that ended so (e.g. failed).")
    List<String> statuses = List.of();

    @Option(names = "--days", defaultValue = "0", paramLabel = "D", description = "Also print runs and failures per day for the last D days.")
    int days;

    @Override
    int run(Workspace workspace) {
        SyncHistoryFilter filter = SyncHistoryFilter.all().withStatuses(StateFilterOptions.parse(SyncStatus.class, statuses));
        Page<SyncHistoryRow> page = workspace.history().page(filter, PageRequest.first(limit));
        out().printf("%,d runs%n", page.total());
        Texts texts = Texts.system();
        TextTable runs = new TextTable("STARTED", "OPERATION", "TYPE", "STATUS", "PROCESSED>", "API>", "SECONDS>", "ERROR");
        for (SyncHistoryRow run : page.items()) {
            runs.row(texts.timestamp(run.startedAt()), run.operation().words(), run.entityType() == null ? "all" : run.entityType(),
                    run.status().words(), Texts.count(run.processed()), Texts.count(run.apiCalls()),
                    run.durationSeconds() == null ? null : String.format(Locale.ROOT, "%.1f", run.durationSeconds()), run.errorMessage());
        }
        runs.print(out());
        if (days > 0) {
            TextTable perDay = new TextTable("DAY", "RUNS>", "FAILED>");
            for (DailyRuns day : workspace.history().runsPerDay(days)) {
                perDay.row(day.day(), Texts.count(day.runs()), Texts.count(day.failed()));
            }
            perDay.print(out());
        }
        return ExitCodes.OK;
    }
}
