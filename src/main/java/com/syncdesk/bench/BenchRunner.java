package com.syncdesk.bench;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.syncdesk.app.Workspace;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.persistence.Cursor;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateExport;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateRows;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;

/**
 * Measures SyncDesk's paths against hand-written JDBC on the same data in the same run, interleaving
 * the two so both see the same caches. The reference SQL is written out here on purpose: it is what
 * an engineer would type without SyncDesk, not SyncDesk's own query builder.
 */
public final class BenchRunner {

    /** How big and how often. */
    public record Options(int rows, int repeat, long seed) {
    }

    private static final int PAGE = 100;
    private static final int DEEP_PAGE = 5_000;
    private static final int BULK_ROWS = 100_000;

    private final Workspace workspace;
    private final Database database;
    private final Options options;
    private final Consumer<String> log;

    public BenchRunner(Workspace workspace, Options options, Consumer<String> log) {
        this.workspace = workspace;
        this.database = workspace.database();
        this.options = options;
        this.log = log;
    }

    public List<BenchResult> run() throws Exception {
        List<BenchResult> results = new ArrayList<>();
        results.add(loadDemoData());
        SyncStateFilter filter = SyncStateFilter.all().withStatuses(SyncStatus.COMPLETED).withTypes(EntityType.ISSUE);
        results.add(firstPage(filter));
        results.add(total(filter));
        results.add(deepPage(filter));
        results.add(statistics());
        results.add(freeText());
        results.add(keySearch());
        results.add(bulkRetry());
        results.add(exportHeap());
        results.add(pagingHeap());
        return results;
    }

    private BenchResult loadDemoData() {
        if (!workspace.demoData().isEmpty()) {
            long rows = database.read(connection -> scalar(connection, "SELECT count(*) FROM sync_metadata"));
            log.accept("Reusing the database's " + rows + " sync states (no load measured).");
            return new BenchResult("demo-data load of " + options.rows() + " states", 0, 0, "—", 0, 0, "≥ 100,000 rows/s",
                    "reused an existing database of " + rows + " states");
        }
        log.accept("Loading demo data: " + options.rows() + " entities…");
        DemoDataGenerator.Summary summary = workspace.demoData().generate(options.rows(), options.seed(), DemoDataGenerator.Progress.NONE);
        return new BenchResult("demo-data load of " + options.rows() + " states", summary.elapsed().toMillis(), summary.elapsed().toMillis(),
                "—", 0, 0, "≥ 100,000 rows/s", String.format("%,d rows in %.1f s = %,.0f rows/s", summary.rows(),
                summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond()));
    }

    // ---- paging ----

    private String pageSql(String keyset, String offset) {
        String open = database.vendor() == Vendor.SQLITE ? "0" : "false";
        return "SELECT s.id, s.entity_type, s.entity_id, s.jira_id, s.sync_status, s.last_sync_attempt, s.last_successful_sync, "
                + "s.error_count, s.last_error, s.sync_direction, s.sync_batch_id, s.content_hash, s.local_modified, s.remote_modified, "
                + "s.resolution_strategy, s.sync_duration_ms, s.api_calls_count, s.conflicts, s.row_version, s.created_at, s.updated_at, "
                + "(SELECT count(*) FROM conflict_resolutions c WHERE c.sync_metadata_id = s.id AND c.is_resolved = " + open + ") AS open_conflicts, "
                + "(SELECT i.issue_key FROM issues i WHERE i.id = " + entityRowId() + ") AS issue_key "
                + "FROM sync_metadata s WHERE s.sync_status = 'completed' AND s.entity_type = 'issue'" + keyset
                + " ORDER BY s.last_sync_attempt DESC, s.id DESC LIMIT " + PAGE + offset;
    }

    /** The local row id {@code s.entity_id} names, as one would cast it by hand. */
    private String entityRowId() {
        return database.vendor() == Vendor.SQLITE ? "CAST(s.entity_id AS INTEGER)" : "CAST(s.entity_id AS bigint)";
    }

    private static final String COUNT_SQL = "SELECT count(*) FROM sync_metadata s WHERE s.sync_status = 'completed' AND s.entity_type = 'issue'";

    private BenchResult firstPage(SyncStateFilter filter) throws Exception {
        String sql = pageSql("", "");
        return compare("first page of 100, status + type, by last attempt", "same SQL by raw JDBC",
                () -> workspace.syncStates().page(filter, SyncStateSort.DEFAULT, PageRequest.first(PAGE).withoutTotal()).items().size(),
                () -> rawPage(sql, new Object[0]),
                "≤ 1.5× and < 50 ms on SQLite");
    }

    /** The total the view shows beside the page: counted in a second query, after the page is on screen. */
    private BenchResult total(SyncStateFilter filter) throws Exception {
        return compare("total of that filter (count, shown after the page)", "same count by raw JDBC",
                () -> (int) workspace.syncStates().count(filter),
                () -> (int) rawCount(COUNT_SQL, new Object[0]),
                "≤ 1.5×");
    }

    private BenchResult deepPage(SyncStateFilter filter) throws Exception {
        long offset = (long) (DEEP_PAGE - 1) * PAGE;
        Cursor cursor = cursorAt(offset - 1);
        if (cursor == null) {
            return new BenchResult("page 5,000 (deep paging)", 0, 0, "raw JDBC with OFFSET", 0, 0, "faster than OFFSET",
                    "skipped: the filter matches fewer than " + offset + " rows");
        }
        String offsetSql = pageSql("", " OFFSET " + offset);
        return compare("page 5,000 of that filter (keyset)", "raw JDBC with OFFSET",
                () -> workspace.syncStates().page(filter, SyncStateSort.DEFAULT, PageRequest.after(cursor, PAGE).withoutTotal()).items().size(),
                () -> rawPage(offsetSql, new Object[0]),
                "faster than OFFSET");
    }

    /** The cursor (sort value and id) of the row at a 0-based position of the benchmark's filter. */
    private Cursor cursorAt(long position) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT s.last_sync_attempt, s.id FROM sync_metadata s "
                    + "WHERE s.sync_status = 'completed' AND s.entity_type = 'issue' ORDER BY s.last_sync_attempt DESC, s.id DESC LIMIT 1 OFFSET " + position);
                 ResultSet row = statement.executeQuery()) {
                return row.next() ? new Cursor(row.getObject(1), row.getLong(2)) : null;
            }
        });
    }

    /** A page read column by column, as SyncDesk's mapper reads it. */
    private int rawPage(String sql, Object[] params) {
        return database.read(connection -> {
            int n = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rows.getObject(c);
                        }
                        n++;
                    }
                }
            }
            return n;
        });
    }

    private long rawCount(String sql, Object[] params) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private BenchResult freeText() throws Exception {
        SyncStateFilter filter = SyncStateFilter.all().withText("token has expired");
        String like = database.vendor() == Vendor.POSTGRESQL ? "ILIKE" : "LIKE";
        String open = database.vendor() == Vendor.SQLITE ? "0" : "false";
        String where = "(s.entity_id " + like + " ? ESCAPE '\\' OR s.jira_id " + like + " ? ESCAPE '\\' OR s.last_error " + like + " ? ESCAPE '\\')";
        String sql = "SELECT s.*, (SELECT count(*) FROM conflict_resolutions c WHERE c.sync_metadata_id = s.id AND c.is_resolved = " + open
                + ") AS open_conflicts FROM sync_metadata s WHERE " + where + " ORDER BY s.last_sync_attempt DESC, s.id DESC LIMIT " + PAGE;
        Object[] params = {"%token has expired%", "%token has expired%", "%token has expired%"};
        return compare("free-text filter (entity id, JIRA id, last error)", "raw JDBC LIKE",
                () -> workspace.syncStates().page(filter, SyncStateSort.DEFAULT, PageRequest.first(PAGE).withoutTotal()).items().size(),
                () -> rawPage(sql, params),
                "≤ 1.5× (the page; its count scans every row, see notes)");
    }

    /**
     * An issue's key typed into the free text, as an operator pastes it. SyncDesk matches it against the issue keys
     * through their unique index (one lookup per query); the reference joins every state to its issue. A term that is
     * rare in the text columns makes both read every state. Fewer runs: each takes seconds on a million states.
     */
    private BenchResult keySearch() throws Exception {
        String key = database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT issue_key FROM issues ORDER BY id LIMIT 1 OFFSET "
                    + "(SELECT count(*) / 2 FROM issues)"); ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : "MOB-15";
            }
        });
        SyncStateFilter filter = SyncStateFilter.all().withText(key);
        String like = database.vendor() == Vendor.POSTGRESQL ? "ILIKE" : "LIKE";
        // PostgreSQL's cast fails on an entity id that is no number; demo data has none.
        String sql = "SELECT s.*, i.issue_key FROM sync_metadata s LEFT JOIN issues i ON s.entity_type = 'issue' AND i.id = " + entityRowId()
                + " WHERE (s.entity_id " + like + " ? ESCAPE '\\' OR s.jira_id " + like + " ? ESCAPE '\\' OR s.last_error " + like
                + " ? ESCAPE '\\' OR i.issue_key " + like + " ?) ORDER BY s.last_sync_attempt DESC, s.id DESC LIMIT " + PAGE;
        String pattern = "%" + key + "%";
        Object[] params = {pattern, pattern, pattern, pattern};
        int runs = Math.min(options.repeat(), 5);
        Timing ours = new Timing();
        Timing theirs = new Timing();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            workspace.syncStates().page(filter, SyncStateSort.DEFAULT, PageRequest.first(PAGE).withoutTotal());
            ours.add(System.nanoTime() - start);
            start = System.nanoTime();
            rawPage(sql, params);
            theirs.add(System.nanoTime() - start);
        }
        return result("free-text filter on an issue key (" + key + ", " + runs + " runs)", ours,
                "raw JDBC LIKE, labels joined", theirs, "within the free-text filter's time", "the key is looked up once through its index");
    }

    // ---- statistics ----

    private BenchResult statistics() throws Exception {
        BenchResult raw = compare("dashboard statistics (all figures)", "same SQL by raw JDBC",
                () -> (int) workspace.syncStates().statistics(null, 24).total(),
                this::rawStatistics, "≤ 1.5× raw; ≥ 100× the load-all way");
        Timing scans = new Timing();
        Timing loadAll = new Timing();
        for (int i = 0; i < Math.max(3, options.repeat() / 5); i++) {
            long start = System.nanoTime();
            scanStatistics();
            scans.add(System.nanoTime() - start);
            start = System.nanoTime();
            loadEveryIssueAndCompute();
            loadAll.add(System.nanoTime() - start);
        }
        return new BenchResult(raw.operation(), raw.syncDeskMedianMs(), raw.syncDeskP95Ms(), raw.reference(), raw.referenceMedianMs(),
                raw.referenceP95Ms(), raw.target(), String.format("load-all way (every issue row into memory, figures in Java): median %.0f ms"
                        + " = %.0f× SyncDesk; the same figures aggregated over sync_metadata itself: median %.0f ms",
                loadAll.median(), loadAll.median() / raw.syncDeskMedianMs(), scans.median()));
    }

    /** What SyncDesk's statistics read, typed out: the V10 counts, the open conflicts and the window per type. */
    private int rawStatistics() {
        Instant window = Instant.now().minus(Duration.ofHours(24));
        return database.read(connection -> {
            int n = 0;
            long durations = 0;
            try (PreparedStatement statement = connection.prepareStatement("SELECT entity_type, sync_status, sum(states), sum(durations), "
                    + "sum(duration_ms_sum), sum(api_calls) FROM sync_state_counts GROUP BY entity_type, sync_status HAVING sum(states) <> 0");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    n++;
                    durations += rows.getLong(4);
                }
            }
            n += drain(connection, "SELECT sync_duration_ms FROM (SELECT sync_duration_ms, sum(n) OVER (ORDER BY sync_duration_ms) AS running "
                    + "FROM (SELECT sync_duration_ms, sum(states) AS n FROM sync_duration_counts GROUP BY sync_duration_ms "
                    + "HAVING sum(states) <> 0) d) r WHERE running >= " + (long) Math.ceil(0.95 * durations) + " ORDER BY sync_duration_ms LIMIT 1");
            n += drain(connection, "SELECT count(*), count(DISTINCT c.sync_metadata_id) FROM conflict_resolutions c WHERE c.is_resolved = "
                    + (database.vendor() == Vendor.SQLITE ? "0" : "false"));
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM sync_metadata s WHERE s.sync_status = 'failed' "
                    + "AND s.last_sync_attempt >= ?")) {
                SqlValues.bindInstant(statement, 1, window, database.vendor());
                try (ResultSet row = statement.executeQuery()) {
                    n += row.next() ? 1 : 0;
                }
            }
            n += drain(connection, "SELECT last_error, sum(states) AS n FROM sync_error_counts GROUP BY last_error HAVING sum(states) <> 0 "
                    + "ORDER BY n DESC, last_error LIMIT 10");
            n += drain(connection, "SELECT CASE WHEN lower(last_error) LIKE '%429%' THEN 'rate limit' WHEN lower(last_error) LIKE '%401%' "
                    + "THEN 'authentication' ELSE 'other' END AS kind, sum(states) FROM sync_error_counts GROUP BY kind");
            return n;
        });
    }

    /** The same figures aggregated over sync_metadata itself, as SyncDesk computed them before V10's counts. */
    private int scanStatistics() {
        Instant window = Instant.now().minus(Duration.ofHours(24));
        return database.read(connection -> {
            int n = 0;
            for (String sql : List.of(
                    "SELECT s.entity_type, s.sync_status, count(*) FROM sync_metadata s GROUP BY s.entity_type, s.sync_status",
                    "SELECT avg(s.sync_duration_ms), count(s.sync_duration_ms), sum(s.api_calls_count) FROM sync_metadata s",
                    "SELECT count(*), count(DISTINCT c.sync_metadata_id) FROM conflict_resolutions c JOIN sync_metadata s ON s.id = c.sync_metadata_id "
                            + "WHERE c.is_resolved = " + (database.vendor() == Vendor.SQLITE ? "0" : "false"),
                    "SELECT s.last_error, count(*) AS n FROM sync_metadata s WHERE s.sync_status = 'failed' AND s.last_error IS NOT NULL "
                            + "GROUP BY s.last_error ORDER BY n DESC LIMIT 10")) {
                n += drain(connection, sql);
            }
            long durations = scalar(connection, "SELECT count(s.sync_duration_ms) FROM sync_metadata s");
            n += drain(connection, database.vendor() == Vendor.POSTGRESQL
                    ? "SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY s.sync_duration_ms) FROM sync_metadata s WHERE s.sync_duration_ms IS NOT NULL"
                    : "SELECT s.sync_duration_ms FROM sync_metadata s WHERE s.sync_duration_ms IS NOT NULL ORDER BY s.sync_duration_ms LIMIT 1 OFFSET "
                    + Math.max(0, (long) Math.ceil(0.95 * durations) - 1));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM sync_metadata s WHERE s.last_sync_attempt >= ? AND s.sync_status = 'failed'")) {
                SqlValues.bindInstant(statement, 1, window, database.vendor());
                try (ResultSet row = statement.executeQuery()) {
                    n += row.next() ? 1 : 0;
                }
            }
            n += drain(connection, "SELECT CASE WHEN lower(s.last_error) LIKE '%429%' THEN 'rate limit' WHEN lower(s.last_error) LIKE '%401%' "
                    + "THEN 'authentication' ELSE 'other' END AS kind, count(*) FROM sync_metadata s WHERE s.sync_status = 'failed' GROUP BY kind");
            return n;
        });
    }

    /**
     * The original system's way: load every state of the entity type and compute the figures in memory.
     * Read in a transaction so that PostgreSQL streams the rows by the fetch size instead of holding them all.
     */
    private void loadEveryIssueAndCompute() {
        database.inTransaction(connection -> {
            Map<String, Long> byStatus = new HashMap<>();
            Map<String, Long> errors = new HashMap<>();
            List<Integer> durations = new ArrayList<>();
            long apiCalls = 0;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + SyncStateRows.storedColumns() + " FROM sync_metadata s WHERE s.entity_type = 'issue'")) {
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        SyncStateRow row = SyncStateRows.read(rows, database.vendor());
                        byStatus.merge(row.status().wire(), 1L, Long::sum);
                        if (row.durationMs() != null) {
                            durations.add(row.durationMs().intValue());
                        }
                        apiCalls += row.apiCalls();
                        if (row.lastError() != null && row.status().is(SyncStatus.FAILED)) {
                            errors.merge(row.lastError(), 1L, Long::sum);
                        }
                    }
                }
            }
            durations.sort(null);
            return byStatus.size() + errors.size() + durations.size() + apiCalls;
        });
    }

    // ---- bulk action ----

    private BenchResult bulkRetry() throws Exception {
        Instant[] window = bulkWindow();
        if (window == null) {
            return new BenchResult("bulk retry of ~100,000 rows", 0, 0, "one raw UPDATE", 0, 0, "≤ 1.5× and < 1 s",
                    "skipped: fewer than " + BULK_ROWS + " completed issues");
        }
        SyncStateFilter filter = SyncStateFilter.all().withStatuses(SyncStatus.COMPLETED).withTypes(EntityType.ISSUE)
                .withAttemptBetween(window[0], window[1]);
        List<Long> ids = matchingIds(window);
        String restore = database.vendor() == Vendor.SQLITE
                ? "UPDATE sync_metadata SET sync_status = 'completed' WHERE id IN (SELECT value FROM json_each(?))"
                : "UPDATE sync_metadata SET sync_status = 'completed' WHERE id = ANY (CAST(? AS bigint[]))";
        String idsParam = database.vendor() == Vendor.SQLITE ? Json.write(ids)
                : "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
        Timing syncDesk = new Timing();
        Timing reference = new Timing();
        AtomicLong affected = new AtomicLong();
        int runs = Math.max(3, options.repeat() / 4);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            affected.set(workspace.syncStates().apply(StateAction.RETRY, Selection.matching(filter), "bench").affected());
            syncDesk.add(System.nanoTime() - start);
            update(restore, idsParam);
            start = System.nanoTime();
            rawRetry(window);
            reference.add(System.nanoTime() - start);
            update(restore, idsParam);
        }
        log.accept(String.format("bulk retry: %,d rows per run", affected.get()));
        return result(String.format("bulk retry of %,d matching rows", affected.get()), syncDesk, "one raw UPDATE", reference,
                "≤ 1.5× and < 1 s", "SyncDesk's run also writes its audit row");
    }

    /** A last-attempt window holding about 100,000 completed issues. */
    private Instant[] bulkWindow() {
        return database.read(connection -> {
            String base = "SELECT s.last_sync_attempt FROM sync_metadata s WHERE s.sync_status = 'completed' AND s.entity_type = 'issue' "
                    + "AND s.last_sync_attempt IS NOT NULL ORDER BY s.last_sync_attempt DESC LIMIT 1 OFFSET ";
            Instant newest = instant(connection, base + "0");
            Instant oldest = instant(connection, base + (BULK_ROWS - 1));
            return newest == null || oldest == null ? null : new Instant[] {oldest, newest.plusNanos(1_000)};
        });
    }

    private Instant instant(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            return row.next() ? SqlValues.readInstantValue(row, "last_sync_attempt", database.vendor()) : null;
        }
    }

    private List<Long> matchingIds(Instant[] window) {
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM sync_metadata s WHERE s.sync_status = 'completed' "
                    + "AND s.entity_type = 'issue' AND s.last_sync_attempt >= ? AND s.last_sync_attempt < ?")) {
                SqlValues.bindInstant(statement, 1, window[0], database.vendor());
                SqlValues.bindInstant(statement, 2, window[1], database.vendor());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    private void rawRetry(Instant[] window) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_metadata SET sync_status = 'pending', "
                    + "row_version = row_version + 1, updated_at = ? WHERE sync_status = 'completed' AND entity_type = 'issue' "
                    + "AND last_sync_attempt >= ? AND last_sync_attempt < ?")) {
                SqlValues.bindInstant(statement, 1, Instant.now(), database.vendor());
                SqlValues.bindInstant(statement, 2, window[0], database.vendor());
                SqlValues.bindInstant(statement, 3, window[1], database.vendor());
                return statement.executeUpdate();
            }
        });
    }

    private void update(String sql, String param) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, param);
                return statement.executeUpdate();
            }
        });
    }

    // ---- memory ----

    private BenchResult exportHeap() throws Exception {
        HeapWatch watch = HeapWatch.start();
        long start = System.nanoTime();
        CountingWriter sink = new CountingWriter();
        long rows = new SyncStateExport(workspace.syncStates()).write(SyncStateFilter.all(), SyncStateSort.DEFAULT,
                SyncStateExport.Format.CSV, SyncStateExport.Cells.NEUTRALISED, sink, SyncStateExport.Progress.NONE);
        long elapsed = System.nanoTime() - start;
        long peak = watch.stop();
        return new BenchResult(String.format("CSV export of %,d rows", rows), elapsed / 1e6, elapsed / 1e6, "—", 0, 0,
                "constant heap (report the peak)", String.format("%,.0f MB written; heap peak %d MB above the start (max heap %d MB)",
                sink.chars / 1e6, peak >> 20, Runtime.getRuntime().maxMemory() >> 20));
    }

    /**
     * Pages through the whole table the way the Sync States view does: only the current page is held.
     * The total is counted once, on the first page, as the view does for an unchanged filter.
     */
    private BenchResult pagingHeap() {
        HeapWatch watch = HeapWatch.start();
        long start = System.nanoTime();
        Page<SyncStateRow> page = workspace.syncStates().page(SyncStateFilter.all(), SyncStateSort.DEFAULT, PageRequest.first(PAGE));
        long rows = page.items().size();
        Timing pageTimes = new Timing();
        while (page.hasNext()) {
            long pageStart = System.nanoTime();
            page = workspace.syncStates().page(SyncStateFilter.all(), SyncStateSort.DEFAULT, PageRequest.after(page.last(), PAGE).withoutTotal());
            pageTimes.add(System.nanoTime() - pageStart);
            rows += page.items().size();
        }
        long elapsed = System.nanoTime() - start;
        long peak = watch.stop();
        return new BenchResult(String.format("paging through all %,d rows, 100 at a time", rows), pageTimes.median(), pageTimes.p95(),
                "—", 0, 0, "< 256 MB, flat", String.format("%d pages in %.1f s; heap peak %d MB above the start (max heap %d MB)",
                pageTimes.runs() + 1, elapsed / 1e9, peak >> 20, Runtime.getRuntime().maxMemory() >> 20));
    }

    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
        }
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface Work {
        int run() throws Exception;
    }

    private BenchResult compare(String operation, String reference, Work syncDesk, Work raw, String target) throws Exception {
        Timing ours = new Timing();
        Timing theirs = new Timing();
        for (int i = 0; i < 3; i++) {
            syncDesk.run();
            raw.run();
        }
        for (int i = 0; i < options.repeat(); i++) {
            long start = System.nanoTime();
            syncDesk.run();
            ours.add(System.nanoTime() - start);
            start = System.nanoTime();
            raw.run();
            theirs.add(System.nanoTime() - start);
        }
        return result(operation, ours, reference, theirs, target, "");
    }

    private BenchResult result(String operation, Timing ours, String reference, Timing theirs, String target, String note) {
        BenchResult result = new BenchResult(operation, ours.median(), ours.p95(), reference, theirs.median(), theirs.p95(), target, note);
        log.accept(String.format("%s: SyncDesk median %.2f ms, reference median %.2f ms, ratio %.2f", operation,
                result.syncDeskMedianMs(), result.referenceMedianMs(), result.ratio()));
        return result;
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int drain(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            return n;
        }
    }
}
