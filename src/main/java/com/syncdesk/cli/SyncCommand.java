package com.syncdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.app.Workspace;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnections;
import com.syncdesk.jira.Secret;
import com.syncdesk.sync.SyncCancellation;
import com.syncdesk.sync.SyncRequest;
import com.syncdesk.sync.SyncService;
import com.syncdesk.sync.SyncSettings;
import com.syncdesk.sync.SyncSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "sync", description = {"Sync this database with its JIRA site: pull what changed in JIRA, push what changed here, open "
        + "conflicts where both changed. Incremental (what changed since the last successful run) unless --full or no run has succeeded yet.",
        "With --watch, a worker that syncs on a schedule until SIGTERM or Ctrl+C, then finishes the entity it is on and exits 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed (or was stopped by a signal)", "1:the run failed (a board could not be synced, or the run itself failed)",
                "2:wrong options", "3:refused: no JIRA connection or secret, another run holds the lock, or JIRA refused the secret"})
final class SyncCommand extends JiraCommand.JiraWork {

    private static final Logger LOG = LoggerFactory.getLogger(SyncCommand.class);

    @Option(names = "--full", description = "Read everything in scope from JIRA and compare it all (the strong form; also finds what JIRA deleted).")
    boolean full;

    @Option(names = "--board", split = ",", paramLabel = "ID", description = "Sync only these of the connection's boards.")
    List<Long> boards = List.of();

    @Option(names = "--dry-run", description = "Show what would be pulled, pushed and put in conflict; change nothing on either side.")
    boolean dryRun;

    @Option(names = "--watch", description = "Keep syncing on a schedule until stopped.")
    boolean watch;

    @Option(names = "--every", paramLabel = "INTERVAL", description = "With --watch: how often, e.g. 90s, 5m, 1h (default: the connection's interval).")
    String every;

    @Override
    void checkOptions() {
        if (every != null && !watch) {
            throw new IllegalArgumentException("--every goes with --watch.");
        }
        if (watch && dryRun) {
            throw new IllegalArgumentException("--watch and --dry-run do not go together: a dry run changes nothing, so repeating it shows nothing new.");
        }
        if (every != null) {
            Duration interval = JiraCommand.Connect.interval(every);
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("--every must be positive: " + every);
            }
        }
    }

    @Override
    int run(Workspace workspace) throws Exception {
        JiraConnections connections = connections(workspace);
        Optional<Secret> given = tokenFromStdin ? givenSecret(connections.stored().site().authScheme().label()) : Optional.empty();
        SyncService service = new SyncService(workspace.database(), connections, JiraClientOptions.defaults(), SyncSettings.defaults());
        SyncRequest request = new SyncRequest(full, boards, dryRun, operatorName());
        SyncCancellation cancel = new SyncCancellation();
        onSignals(cancel);
        SyncPrinter printer = new SyncPrinter(out(), Terminal.isInteractive());
        try {
            if (!watch) {
                SyncSummary summary = service.run(request, given, printer, cancel);
                printer.summary(summary);
                return exitCode(summary, err());
            }
            Duration interval = every != null ? JiraCommand.Connect.interval(every) : connections.stored().site().syncInterval();
            out().println("Syncing every " + JiraCommand.Show.words(interval) + " until stopped (SIGTERM or Ctrl+C).");
            out().flush();
            int[] code = {ExitCodes.OK};
            service.watch(request, interval, given, printer, cancel, summary -> {
                printer.summary(summary);
                if (summary.outcome() == SyncSummary.Outcome.REFUSED) {
                    code[0] = exitCode(summary, err());
                    cancel.cancel();
                }
            });
            return code[0];
        } finally {
            given.ifPresent(Secret::destroy);
        }
    }

    /** SIGTERM and Ctrl+C finish the entity the run is on; the JVM then exits normally, with the run's exit code. */
    private static void onSignals(SyncCancellation cancel) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> cancel.cancel());
            } catch (IllegalArgumentException e) {
                LOG.debug("Signal {} cannot be handled here: {}", name, e.getMessage());
            }
        }
    }

    private static int exitCode(SyncSummary summary, PrintWriter err) {
        return switch (summary.outcome()) {
            case COMPLETED, CANCELLED -> ExitCodes.OK;
            case REFUSED -> {
                err.println("syncdesk: " + summary.error());
                err.flush();
                yield ExitCodes.REFUSED;
            }
            case FAILED -> {
                err.println("syncdesk: " + summary.error());
                err.flush();
                yield ExitCodes.FAILED;
            }
        };
    }
}
