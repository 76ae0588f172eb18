package com.syncdesk.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.bench.BenchResult;
import com.syncdesk.bench.BenchRunner;
import com.syncdesk.bench.SimulatedJira;
import com.syncdesk.bench.SyncBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = {"Measure SyncDesk against raw JDBC on the same data in one run and print a Markdown table.",
        "An empty database is first filled with demo data (timed). Run the JVM with -Xmx256m to check the memory targets.",
        "With --sync, measure the sync engine against the JIRA simulator instead (test class path: mvn -q -Pbench-sync test-compile exec:exec)."})
final class BenchCommand extends WorkspaceCommand {

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Sync states to load into an empty database (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--repeat", defaultValue = "21", paramLabel = "R", description = "Measured runs per path (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Demo data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sync", description = "Measure full, incremental and quiet sync runs against the JIRA simulator, into an empty database.")
    boolean sync;

    @Option(names = "--issues", defaultValue = "100000", paramLabel = "N", description = "With --sync: issues in the simulated JIRA (default: ${DEFAULT-VALUE}).")
    int issues;

    @Override
    DatabaseSession.Access access() {
        return DatabaseSession.Access.FILL;
    }

    @Override
    void checkOptions() {
        if (sync && (issues < 100 || issues > 1_000_000)) {
            throw new IllegalArgumentException("--issues must be between 100 and 1,000,000.");
        }
        if (rows < 1 || rows > DemoDataCommand.MAX_ENTITIES || repeat < 1) {
            throw new IllegalArgumentException("--rows must be between 1 and " + Texts.count(DemoDataCommand.MAX_ENTITIES)
                    + " and --repeat at least 1.");
        }
    }

    @Override
    int run(Workspace workspace) throws Exception {
        if (sync) {
            return runSync(workspace);
        }
        List<BenchResult> results = new BenchRunner(workspace, new BenchRunner.Options(rows, repeat, seed), line -> {
            err().println(line);
            err().flush();
        }).run();
        out().printf("Database: %s (%s), JVM max heap %d MB, %d measured runs per path%n%n", workspace.database().target().describe(),
                workspace.database().vendor(), Runtime.getRuntime().maxMemory() >> 20, repeat);
        out().println("| operation | SyncDesk median / p95 (ms) | reference | reference median / p95 (ms) | ratio | target | notes |");
        out().println("| --- | --- | --- | --- | --- | --- | --- |");
        for (BenchResult r : results) {
            boolean compared = r.referenceMedianMs() > 0;
            out().printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.operation(),
                    r.syncDeskMedianMs() > 0 ? String.format("%.2f / %.2f", r.syncDeskMedianMs(), r.syncDeskP95Ms()) : "—",
                    r.reference(), compared ? String.format("%.2f / %.2f", r.referenceMedianMs(), r.referenceP95Ms()) : "—",
                    compared ? String.format("%.2f×", r.ratio()) : "—", r.target(), r.note());
        }
        return ExitCodes.OK;
    }

    private int runSync(Workspace workspace) {
        SimulatedJira.Factory simulator = SyncBench.simulator();
        int changes = Math.max(1, Math.min(1_000, issues / 100));
        // Own times are wall times: other processes on the machine lengthen them, so the run says how busy it was.
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<SyncBench.Row> rows = new SyncBench(workspace.database(), new SyncBench.Options(issues, seed, changes, Math.max(1, changes / 10),
                Duration.ofMillis(20)), line -> {
            err().println(line);
            err().flush();
        }).run(simulator);
        out().printf("Database: %s (%s), JVM max heap %d MB, %s issues in the simulated JIRA, %d processors, load average %.2f before and %.2f after%n%n",
                workspace.database().target().describe(), workspace.database().vendor(), Runtime.getRuntime().maxMemory() >> 20, Texts.count(issues),
                Runtime.getRuntime().availableProcessors(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out().println("| measurement | SyncDesk | reference | ratio | target | met? | notes |");
        out().println("| --- | --- | --- | --- | --- | --- | --- |");
        for (SyncBench.Row row : rows) {
            out().printf("| %s | %s | %s | %s | %s | %s | %s |%n", row.measurement(), row.syncDesk(), row.reference(), row.ratio(), row.target(),
                    row.met() ? "yes" : "**no**", row.note());
        }
        return ExitCodes.OK;
    }
}
