package com.syncdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import com.syncdesk.jira.JiraClient;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnectionStore;
import com.syncdesk.jira.JiraExchange;
import com.syncdesk.jira.JiraIssue;
import com.syncdesk.jira.JiraListener;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.JiraWait;
import com.syncdesk.jira.Jql;
import com.syncdesk.jira.PageIterator;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.sync.SyncCancellation;
import com.syncdesk.sync.SyncEngine;
import com.syncdesk.sync.SyncListener;
import com.syncdesk.sync.SyncRequest;
import com.syncdesk.sync.SyncSettings;
import com.syncdesk.sync.SyncSummary;

/**
 * Measures the sync engine against a simulated JIRA, as issue 18 asks: a first full run (API calls against the
 * minimum the page sizes allow, SyncDesk's own time against a hand-written fetch-and-insert of the same pages, heap),
 * an incremental run after changes on both sides, a run with nothing changed, and an incremental run with latency
 * on every request. Own time is the run's wall time less the time spent waiting for JIRA's answers and pauses.
 */
public final class SyncBench {

    /** How big and what changes. */
    public record Options(int issues, long seed, int jiraChanges, int localChanges, Duration latency) {
    }

    /** One measured figure: SyncDesk's, the reference's when there is one, and the target. */
    public record Row(String measurement, String syncDesk, String reference, String ratio, String target, boolean met, String note) {
    }

    private final Database database;
    private final Options options;
    private final Consumer<String> log;

    public SyncBench(Database database, Options options, Consumer<String> log) {
        this.database = database;
        this.options = options;
        this.log = log;
    }

    /** The simulator behind {@code bench --sync}, when the test classes are on the class path. */
    public static SimulatedJira.Factory simulator() {
        return ServiceLoader.load(SimulatedJira.Factory.class).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "bench --sync measures against the JIRA simulator, which is part of SyncDesk's test sources: run it with "
                        + "mvn -q -Pbench-sync test-compile exec:exec (see docs/performance.md)."));
    }

    public List<Row> run(SimulatedJira.Factory factory) {
        refuseNonEmpty();
        List<Row> rows = new ArrayList<>();
        log.accept("Starting a simulated JIRA with " + options.issues() + " issues…");
        try (SimulatedJira jira = factory.start(options.issues(), options.seed())) {
            JiraSite site = jira.site().withBoards(jira.boardIds()).withBacklog(true);
            new JiraConnectionStore(database).save(site, "bench");
            Waits waits = new Waits();
            try (JiraClient opened = JiraClient.open(site, jira.token(), JiraClientOptions.defaults())) {
                JiraClient client = opened.observedBy(waits);
                SyncEngine engine = new SyncEngine(database, site, client, SyncSettings.defaults());

                log.accept("Reference: fetching every page and inserting the issue rows by hand…");
                Measured reference;
                // A client of its own, so the field list it reads is not the engine's.
                try (JiraClient separate = JiraClient.open(site, jira.token(), JiraClientOptions.defaults())) {
                    JiraClient referenceClient = separate.observedBy(waits);
                    reference = measureWork(waits, () -> referencePull(referenceClient, site));
                }
                log.accept("First full run…");
                HeapWatch heap = HeapWatch.start();
                long requestsBefore = jira.requests();
                Measured first = measure(waits, () -> run(engine, true));
                long peak = heap.stop();
                long calls = jira.requests() - requestsBefore;
                long minimum = minimumCalls(jira);
                rows.add(new Row("first full run: API calls", Long.toString(calls), minimum + " (the minimum the page sizes allow)",
                        ratio(calls, minimum), "within 5 % of the minimum", calls <= minimum * 1.05, first.summary.counts().processed()
                        + " entities in " + jira.boardIds().size() + " boards"));
                double perSecond = first.summary.counts().processed() / seconds(first.own);
                rows.add(new Row("first full run: SyncDesk's own time", millis(first.own) + " = " + String.format(Locale.ROOT, "%,.0f", perSecond)
                        + " entities/s", millis(reference.own) + " (fetch + one JDBC batch per page)", ratio(first.own, reference.own),
                        "≥ 5,000 entities/s", perSecond >= 5_000, "wall " + millis(first.wall) + ", waiting for JIRA " + millis(first.waited)
                        + ", the run's thread's CPU " + millis(first.cpu) + " = " + String.format(Locale.ROOT, "%,.0f",
                        first.summary.counts().processed() / seconds(first.cpu)) + " entities/s; reference wall " + millis(reference.wall)
                        + ", CPU " + millis(reference.cpu)));
                rows.add(new Row("first full run: heap", (peak >> 20) + " MB peak above the start", "—", "—", "flat under -Xmx256m",
                        Runtime.getRuntime().maxMemory() <= 256L << 20 && peak < 200L << 20, "max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB, the simulator's data included"));

                int localEdits = changeBothSides(jira);
                long searchesBefore = jira.searches();
                Measured incremental = measure(waits, () -> run(engine, false));
                long searches = jira.searches() - searchesBefore;
                rows.add(new Row("incremental after " + options.jiraChanges() + " JIRA and " + localEdits + " local changes",
                        searches + " searches, " + incremental.summary.counts().pushed() + " pushes, own " + millis(incremental.own),
                        "—", "—", "≤ 20 searches + one push per local change, < 2 s own time",
                        searches <= 20 && incremental.summary.counts().pushed() == localEdits && seconds(incremental.own) < 2,
                        incremental.summary.counts().pulled() + " pulled, " + incremental.summary.apiCalls() + " API calls, wall "
                                + millis(incremental.wall) + ", CPU " + millis(incremental.cpu)));

                if (options.jiraChanges() + localEdits > 100) {
                    // An incremental run reads again what changed in the overlap before the last run started: only once
                    // those changes lie before that window does a run see nothing.
                    Duration wait = SyncSettings.defaults().overlap().plusMinutes(1).plusSeconds(5);
                    log.accept("Waiting " + wait.toSeconds() + " s until the changes lie before the next run's window…");
                    sleep(wait);
                    run(engine, false);
                }
                searchesBefore = jira.searches();
                Measured quiet = measure(waits, () -> run(engine, false));
                searches = jira.searches() - searchesBefore;
                rows.add(new Row("run with nothing changed", searches + " searches, own " + millis(quiet.own), jira.boardIds().size() + " boards",
                        "—", "one search per board, < 0.5 s", searches == jira.boardIds().size() && seconds(quiet.own) < 0.5,
                        quiet.summary.apiCalls() + " API calls, wall " + millis(quiet.wall) + ", CPU " + millis(quiet.cpu)));

                jira.latency(options.latency());
                int slowEdits = changeBothSides(jira);
                Measured slow = measure(waits, () -> run(engine, false));
                long serial = slow.summary.apiCalls() * options.latency().toMillis();
                rows.add(new Row("incremental with " + options.latency().toMillis() + " ms per request", "wall " + millis(slow.wall),
                        serial + " ms (its " + slow.summary.apiCalls() + " calls one after another)", ratio(slow.wall.toMillis(), serial),
                        "< 5 s", seconds(slow.wall) < 5, slow.summary.counts().pulled() + " pulled, " + slow.summary.counts().pushed() + " pushed of "
                        + slowEdits + " local changes"));
                jira.latency(Duration.ZERO);
            }
        }
        return rows;
    }

    private SyncSummary run(SyncEngine engine, boolean full) {
        SyncRequest request = full ? SyncRequest.incremental("bench").asFull() : SyncRequest.incremental("bench");
        SyncSummary summary = engine.run(request, SyncListener.NONE, new SyncCancellation());
        if (summary.outcome() != SyncSummary.Outcome.COMPLETED) {
            throw new IllegalStateException("The benchmark's sync run did not complete: " + summary.error());
        }
        log.accept(String.format(Locale.ROOT, "  %s run: %,d entities, %,d pulled, %,d pushed, %,d API calls in %s", summary.mode().words(),
                summary.counts().processed(), summary.counts().pulled(), summary.counts().pushed(), summary.apiCalls(), millis(summary.duration())));
        return summary;
    }

    private void refuseNonEmpty() {
        long rows = database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM issues) + (SELECT count(*) FROM sync_metadata)")) {
                row.next();
                return row.getLong(1);
            }
        });
        if (rows > 0) {
            throw new IllegalArgumentException("bench --sync fills an empty database, and this one holds data; give it a new file (--db).");
        }
    }

    /** JIRA edits spread over every board, and local edits of other issues; returns how many were edited locally. */
    private int changeBothSides(SimulatedJira jira) {
        List<String> edited = jira.editIssues(options.jiraChanges(), options.seed());
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE issues SET summary = summary || ' (edited here)', updated_at = ? "
                    + "WHERE id IN (SELECT id FROM issues WHERE issue_key NOT IN (" + "?,".repeat(edited.size()).replaceAll(",$", "")
                    + ") AND id % ? = 0 ORDER BY id LIMIT ?)")) {
                int index = 1;
                SqlValues.bindInstant(update, index++, Instant.now(), database.vendor());
                for (String key : edited) {
                    update.setString(index++, key);
                }
                update.setLong(index++, Math.max(1, jira.issueCount() / (2 * options.localChanges())));
                update.setInt(index, options.localChanges());
                return update.executeUpdate();
            }
        });
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    /**
     * The least calls a full run can make: who SyncDesk is and the field list once, then per board the board, its
     * project, its sprints at 50 a page and its issues at 100 a page.
     */
    private static long minimumCalls(SimulatedJira jira) {
        long calls = 2;
        for (long board : jira.boardIds()) {
            calls += 2;
            int sprints = jira.sprintsOn(board);
            if (sprints > 0) {
                calls += (sprints + 49) / 50;
            }
            calls += Math.max(1, (jira.issuesOn(board) + 99) / 100);
        }
        return calls;
    }

    /** What any sync must do at least: read every page and write each issue's row, here into a scratch table. */
    private void referencePull(JiraClient client, JiraSite site) {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_reference_issues (jira_issue_id VARCHAR(100), issue_key VARCHAR(50), summary VARCHAR(500), "
                        + "status VARCHAR(50), issue_type VARCHAR(50), priority VARCHAR(20), assignee VARCHAR(100), story_points DECIMAL(6, 2))");
            }
            return null;
        });
        try {
            for (long board : site.boardIds()) {
                String project = client.board(board).projectKey();
                PageIterator<JiraIssue> issues = client.searchIssues(Jql.project(project) + " " + Jql.ORDER_BY_UPDATED);
                List<JiraIssue> page = new ArrayList<>();
                while (issues.hasNext()) {
                    page.add(issues.next());
                    if (page.size() == 100 || !issues.hasNext()) {
                        insertReferencePage(page);
                        page.clear();
                    }
                }
            }
        } finally {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE bench_reference_issues");
                }
                return null;
            });
        }
    }

    private void insertReferencePage(List<JiraIssue> page) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_reference_issues VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (JiraIssue issue : page) {
                    insert.setString(1, issue.id());
                    insert.setString(2, issue.key());
                    insert.setString(3, issue.summary());
                    insert.setString(4, issue.status() == null ? null : issue.status().name());
                    insert.setString(5, issue.issueType());
                    insert.setString(6, issue.priority());
                    insert.setString(7, issue.assignee() == null ? null : issue.assignee().displayName());
                    insert.setBigDecimal(8, issue.storyPoints());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * A run's wall time, the part of it spent waiting for JIRA, and the rest: SyncDesk's own. {@code cpu} is the CPU time
     * of the thread that ran it, which other processes on the machine do not lengthen as they do the wall times.
     */
    private record Measured(Duration wall, Duration waited, Duration own, Duration cpu, SyncSummary summary) {
    }

    private static Measured measureWork(Waits waits, Runnable work) {
        return measure(waits, () -> {
            work.run();
            return null;
        });
    }

    private static Measured measure(Waits waits, java.util.function.Supplier<SyncSummary> work) {
        waits.reset();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SyncSummary summary = work.get();
        long end = System.nanoTime();
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart);
        Duration waited = Duration.ofNanos(waits.union(start, end));
        Duration wall = Duration.ofNanos(end - start);
        return new Measured(wall, waited, wall.minus(waited), cpu, summary);
    }

    /** When requests were on the wire and pauses were made, as intervals; their union is the time spent waiting for JIRA. */
    private static final class Waits implements JiraListener {
        private final List<long[]> intervals = new ArrayList<>();

        synchronized void reset() {
            intervals.clear();
        }

        @Override
        public synchronized void requestFinished(JiraExchange exchange) {
            long end = System.nanoTime();
            intervals.add(new long[] {end - exchange.elapsed().toNanos(), end});
        }

        @Override
        public synchronized void waiting(JiraWait wait) {
            long start = System.nanoTime();
            intervals.add(new long[] {start, start + wait.duration().toNanos()});
        }

        synchronized long union(long from, long to) {
            List<long[]> sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparingLong(interval -> interval[0]));
            long total = 0;
            long coveredTo = from;
            for (long[] interval : sorted) {
                long start = Math.max(interval[0], coveredTo);
                long end = Math.min(interval[1], to);
                if (end > start) {
                    total += end - start;
                    coveredTo = end;
                }
            }
            return total;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%,d ms", duration.toMillis());
    }

    private static String ratio(double value, double reference) {
        return reference <= 0 ? "—" : String.format(Locale.ROOT, "%.2f×", value / reference);
    }

    private static String ratio(Duration value, Duration reference) {
        return ratio(value.toNanos(), reference.toNanos());
    }
}
