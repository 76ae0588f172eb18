package com.syncdesk.cli;

import java.util.List;

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
        out().printf("%-24s %-20s %-8s %-11s %9s %6s %8s  %s%n", "STARTED", "OPERATION", "TYPE", "STATUS", "PROCESSED", "API", "SECONDS", "ERROR");
        for (SyncHistoryRow run : page.items()) {
            out().printf("%-24s %-20s %-8s %-11s %9d %6d %8s  %s%n", run.startedAt(), run.operation().wire(),
                    run.entityType() == null ? "all" : run.entityType(), run.status().wire(), run.processed(), run.apiCalls(),
                    run.durationSeconds() == null ? "" : String.format("%.1f", run.durationSeconds()),
                    run.errorMessage() == null ? "" : run.errorMessage());
        }
        if (days > 0) {
            out().println("DAY         RUNS  FAILED");
            for (DailyRuns day : workspace.history().runsPerDay(days)) {
                out().printf("%s %5d %7d%n", day.day(), day.runs(), day.failed());
            }
        }
        return ExitCodes.OK;
    }
}
