package com.syncdesk.demo;

import static com.syncdesk.demo.DemoVocabulary.GOALS;
import static com.syncdesk.demo.DemoVocabulary.OBJECTS;
import static com.syncdesk.demo.DemoVocabulary.PEOPLE;
import static com.syncdesk.demo.DemoVocabulary.PRIORITIES;
import static com.syncdesk.demo.DemoVocabulary.STATUSES;
import static com.syncdesk.demo.DemoVocabulary.STORY_POINTS;
import static com.syncdesk.demo.DemoVocabulary.TYPES;
import static com.syncdesk.demo.DemoVocabulary.VERBS;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.DashboardCounts;

/**
 * Fills an empty database with a believable picture of a sync: projects, boards, sprints and issues,
 * a sync state for each in every status, the failures a JIRA sync really meets, open conflicts with
 * base, local and remote values, and 30 days of sync history. The same seed gives the same data
 * (relative to the moment it runs). Rows go in through JDBC batches with explicit ids, all in one
 * transaction: a cancelled or killed load leaves the database as empty as it was.
 */
public final class DemoDataGenerator {

    /** Reports rows written so far out of the total, and lets a caller cancel between chunks. */
    public interface Progress {
        Progress NONE = (done, total) -> true;

        /** @return false to stop; the rows of the current chunk are rolled back */
        boolean update(long done, long total);
    }

    /** What was generated and how fast. */
    public record Summary(int projects, int boards, int sprints, int issues, int syncStates, int conflicts, int historyRuns,
                          long rows, Duration elapsed) {
        public double rowsPerSecond() {
            return rows / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    static final int BATCH = 1_000;
    static final int PROGRESS_EVERY = 50_000;
    /** The tables the load fills in bulk, whose secondary indexes, foreign keys and triggers step aside for it. */
    private static final String LOADED_TABLES = "('issues', 'sprints', 'sync_metadata', 'conflict_resolutions', 'sync_history')";
    private static final Pattern INSERT_TARGET = Pattern.compile("INSERT INTO (\\w+) \\(([^)]*)\\)");

    private static final String[] OPERATORS = {"alice", "bob", "carol", "dmitri"};
    private static final String[] ERRORS = {
            "HTTP 429 Too Many Requests: rate limit exceeded, retry after 30 seconds",
            "HTTP 429 Too Many Requests: rate limit exceeded, retry after 60 seconds",
            "HTTP 401 Unauthorized: the API token has expired",
            "HTTP 404 Not Found: the issue does not exist in JIRA or you lack permission to see it",
            "HTTP 409 Conflict: version conflict, the entity was changed in JIRA since the last sync",
            "Read timed out after 30000 ms calling /rest/api/3/issue",
            "HTTP 400 Bad Request: Field 'customfield_10016' cannot be set. It is not on the appropriate screen, or unknown.",
            "HTTP 400 Bad Request: Sprint end date must be after the start date",
            "HTTP 503 Service Unavailable: JIRA is in maintenance mode",
            "Connection reset by peer while uploading attachment"};

    private final Database database;

    public DemoDataGenerator(Database database) {
        this.database = database;
    }

    /** True when there are no sync states and no local entities: the only place demo data goes. */
    public boolean isEmpty() {
        return database.read(connection -> count(connection, "sync_metadata") == 0 && count(connection, "projects") == 0
                && count(connection, "issues") == 0);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Generates about {@code entities} local entities, each with a sync state.
     *
     * @throws DatabaseException when the database already holds data (nothing is written)
     */
    public Summary generate(int entities, long seed, Progress progress) {
        if (entities < 10) {
            throw new IllegalArgumentException("Demo data needs at least 10 entities");
        }
        if (!isEmpty()) {
            throw new DatabaseException(Reason.FOREIGN_SCHEMA, database.target().describe()
                    + " already holds sync data; demo data only goes into an empty database.");
        }
        Privileges.of(database).refuseUnless(Privileges.Work.FILL);
        Instant started = Instant.now();
        Plan plan = new Plan(entities, seed, started.truncatedTo(ChronoUnit.SECONDS));
        try (Connection connection = database.connection()) {
            if (database.vendor() == Vendor.SQLITE) {
                // Connection-local settings for one big load: a large page cache, index sorts in memory, and no
                // fsync at commit (a killed process still loses nothing; only a power cut during the load could).
                try (Statement pragma = connection.createStatement()) {
                    pragma.execute("PRAGMA cache_size = -524288");
                    pragma.execute("PRAGMA temp_store = MEMORY");
                    pragma.execute("PRAGMA synchronous = OFF");
                    pragma.execute("PRAGMA foreign_keys = OFF");
                }
            }
            connection.setAutoCommit(false);
            Writer writer = new Writer(connection, database.vendor(), plan.totalRows(), progress);
            try {
                List<String> restore = database.vendor() == Vendor.SQLITE ? dropSecondaryIndexesAndTriggers(connection)
                        : dropSecondaryIndexesAndPauseTriggers(connection);
                writer.writeAll(plan);
                writer.finish(restore, plan.counts);
            } catch (SQLException | RuntimeException e) {
                Database.rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                if (database.vendor() == Vendor.SQLITE) {
                    // The connection goes back to the pool: give it the defaults again.
                    try (Statement pragma = connection.createStatement()) {
                        pragma.execute("PRAGMA cache_size = -2000");
                        pragma.execute("PRAGMA temp_store = DEFAULT");
                        pragma.execute("PRAGMA synchronous = FULL");
                        pragma.execute("PRAGMA foreign_keys = ON");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        return new Summary(plan.projects, plan.boards, plan.sprints, plan.issues, plan.stateCount, plan.conflictRows,
                plan.historyRuns, plan.totalRows(), Duration.between(started, Instant.now()));
    }

    /**
     * SQLite builds an index from sorted data far faster than it maintains one row by row, so the
     * secondary indexes go for the load and come back with their exact DDL in the same transaction.
     * The dashboard counts' triggers go too: the plan tallies the counts itself, written once at the end.
     */
    private static List<String> dropSecondaryIndexesAndTriggers(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                     + "AND sql IS NOT NULL AND tbl_name IN " + LOADED_TABLES + " ORDER BY type, name")) {
            while (rows.next()) {
                drops.add("DROP " + rows.getString(1).toUpperCase(Locale.ROOT) + " " + rows.getString(2));
                ddl.add(rows.getString(3));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        return ddl;
    }

    /**
     * PostgreSQL, like SQLite, builds the secondary indexes faster after the load than it maintains
     * them row by row (indexes behind constraints stay). Foreign keys go too and come back validated
     * by one join each instead of a check per row. The dashboard counts' triggers pause for the load,
     * whose tallies are written at the end.
     */
    private static List<String> dropSecondaryIndexesAndPauseTriggers(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                     + "AND i.tablename IN " + LOADED_TABLES + " AND NOT EXISTS "
                     + "(SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass) "
                     + "ORDER BY i.indexname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
                restore.add(rows.getString(2));
            }
        }
        List<String> foreignKeys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             // The schema is matched by name: casting current_schema() to regnamespace fails on names that need quoting ("Sync Data").
             ResultSet rows = statement.executeQuery("SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
                     + "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                     + "WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname IN " + LOADED_TABLES + " ORDER BY c.conname")) {
            while (rows.next()) {
                foreignKeys.add("ALTER TABLE " + rows.getString(1) + " DROP CONSTRAINT " + rows.getString(2));
                restore.add("ALTER TABLE " + rows.getString(1) + " ADD CONSTRAINT " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : foreignKeys) {
                statement.execute(drop);
            }
            for (String name : names) {
                statement.execute("DROP INDEX " + name);
            }
            statement.execute("ALTER TABLE sync_metadata DISABLE TRIGGER USER");
        }
        restore.add("ALTER TABLE sync_metadata ENABLE TRIGGER USER");
        return restore;
    }

    /**
     * Writes the plan's rows through JDBC batches. The plan runs on a second thread and hands over rows
     * in chunks, so generating values and SQLite's inserting use both cores; rows reach the database in
     * the order they were made, parents before children. The caller commits once at the end.
     */
    static final class Writer {
        private static final List<Row> END = List.of();

        final Connection connection;
        final Vendor vendor;
        final long total;
        final Progress progress;
        long written;
        private final List<String> sql = new ArrayList<>();
        /** PostgreSQL: the COPY statement of each insert, in the same order. */
        private final List<String> copySql = new ArrayList<>();
        private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(16);
        private List<Row> chunk = new ArrayList<>(BATCH);
        private volatile boolean stopped;

        /** A row of one of the prepared inserts, values in parameter order. */
        record Row(int insert, Object[] values) {
        }

        /** A value bound with an explicit SQL type: a typed NULL, or JSON text for PostgreSQL. */
        record Typed(Object value, int sqlType) {
        }

        Writer(Connection connection, Vendor vendor, long total, Progress progress) {
            this.connection = connection;
            this.vendor = vendor;
            this.total = total;
            this.progress = progress;
        }

        RowBuilder prepare(String insert) {
            sql.add(insert);
            Matcher target = INSERT_TARGET.matcher(insert);
            if (!target.find()) {
                throw new IllegalStateException("Not an INSERT with a column list: " + insert);
            }
            copySql.add("COPY " + target.group(1) + " (" + target.group(2) + ") FROM STDIN");
            return new RowBuilder(sql.size() - 1, (int) insert.chars().filter(c -> c == '?').count());
        }

        /** Producer side: queues the row; blocks while the database side is busy with earlier chunks. */
        void add(RowBuilder row) {
            chunk.add(new Row(row.insert, row.values.clone()));
            if (chunk.size() == BATCH) {
                handOver(chunk);
                chunk = new ArrayList<>(BATCH);
            }
        }

        private void handOver(List<Row> rows) {
            try {
                while (!stopped && !queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
                if (stopped) {
                    throw new CancellationException("the database side stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        /** Runs the plan on a producer thread and writes what it makes, on the calling thread. */
        void writeAll(Plan plan) throws SQLException {
            AtomicReference<Throwable> producerFailure = new AtomicReference<>();
            Thread producer = Thread.ofPlatform().name("syncdesk-demo-data").daemon().start(() -> {
                try {
                    plan.write(this);
                    handOver(chunk);
                } catch (Throwable t) {
                    producerFailure.set(t);
                } finally {
                    if (!stopped) {
                        handOver(END);
                    }
                }
            });
            List<PreparedStatement> statements = new ArrayList<>();
            try {
                for (List<Row> rows = take(); rows != END; rows = take()) {
                    if (vendor == Vendor.SQLITE) {
                        while (statements.size() < sql.size()) {
                            statements.add(connection.prepareStatement(sql.get(statements.size())));
                        }
                        int from = 0;
                        while (from < rows.size()) {
                            int to = from;
                            while (to < rows.size() && rows.get(to).insert() == rows.get(from).insert()) {
                                to++;
                            }
                            insertBatch(statements.get(rows.get(from).insert()), rows.subList(from, to));
                            from = to;
                        }
                    } else {
                        // One COPY per table and chunk: states and their conflicts alternate every few rows, and each
                        // COPY has a fixed cost. Tables go in the order they were prepared, parents before children.
                        List<List<Row>> byInsert = new ArrayList<>();
                        for (Row row : rows) {
                            while (byInsert.size() <= row.insert()) {
                                byInsert.add(new ArrayList<>());
                            }
                            byInsert.get(row.insert()).add(row);
                        }
                        for (int insert = 0; insert < byInsert.size(); insert++) {
                            if (!byInsert.get(insert).isEmpty()) {
                                copy(copySql.get(insert), byInsert.get(insert));
                            }
                        }
                    }
                    long before = written;
                    written += rows.size();
                    if (written / PROGRESS_EVERY != before / PROGRESS_EVERY && !progress.update(written, total)) {
                        throw new DatabaseException(Reason.FAILED, "Demo data generation was cancelled.");
                    }
                }
                if (producerFailure.get() != null) {
                    throw new IllegalStateException("Generating demo data failed: " + producerFailure.get().getMessage(), producerFailure.get());
                }
            } finally {
                stopped = true;
                queue.clear();
                for (PreparedStatement statement : statements) {
                    statement.close();
                }
            }
        }

        private List<Row> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseException(Reason.FAILED, "Demo data generation was interrupted.");
            }
        }

        private static void insertBatch(PreparedStatement statement, List<Row> rows) throws SQLException {
            for (Row row : rows) {
                bind(statement, row.values());
                statement.addBatch();
            }
            statement.executeBatch();
        }

        /**
         * PostgreSQL takes rows through {@code COPY} several times faster than through batched inserts:
         * the rows go as COPY text to the insert's table and columns.
         */
        private void copy(String copy, List<Row> rows) throws SQLException {
            StringBuilder text = new StringBuilder(rows.size() * 256);
            for (Row row : rows) {
                Object[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    text.append(i == 0 ? "" : "\t").append(copyText(values[i]));
                }
                text.append('\n');
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("Cannot run " + copy + ": " + e.getMessage(), e);
            }
        }

        /** One value in COPY's text format: {@code \N} for NULL, backslash escapes for the separators. */
        private static String copyText(Object value) {
            Object plain = value instanceof Typed typed ? typed.value() : value;
            return switch (plain) {
                case null -> "\\N";
                case Boolean b -> b ? "t" : "f";
                case OffsetDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                case Number number -> number.toString();
                default -> plain.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
            };
        }

        private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Typed typed) {
                    if (typed.value() == null) {
                        statement.setNull(i + 1, typed.sqlType());
                    } else {
                        statement.setObject(i + 1, typed.value(), typed.sqlType());
                    }
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
        }

        /** A timestamp in epoch microseconds, or none ({@code Long.MIN_VALUE}), in the vendor's stored form. */
        void time(RowBuilder row, int index, long epochMicros) {
            if (epochMicros == Long.MIN_VALUE) {
                row.setNull(index, vendor == Vendor.SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
            } else if (vendor == Vendor.SQLITE) {
                row.setString(index, SqliteTimestamps.formatEpochMicros(epochMicros));
            } else {
                row.setObject(index, Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
            }
        }

        void json(RowBuilder row, int index, String json) {
            if (json == null) {
                row.setNull(index, vendor == Vendor.SQLITE ? Types.VARCHAR : Types.OTHER);
            } else if (vendor == Vendor.SQLITE) {
                row.setString(index, json);
            } else {
                row.values[index - 1] = new Typed(json, Types.OTHER);
            }
        }

        void finish(List<String> restore, DashboardCounts counts) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : restore) {
                    statement.execute(ddl);
                }
            }
            counts.insertInto(connection);
            if (vendor == Vendor.POSTGRESQL) {
                // Rows were inserted with explicit ids: move each identity past them.
                try (Statement statement = connection.createStatement()) {
                    for (String table : List.of("operators", "projects", "boards", "sprints", "issues", "sync_metadata",
                            "conflict_resolutions", "sync_history")) {
                        statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                                + "coalesce((SELECT max(id) FROM " + table + "), 0) + 1, false)");
                    }
                }
            }
            connection.commit();
            if (vendor == Vendor.POSTGRESQL) {
                // Until autovacuum gets round to it, the planner knows nothing of a million new rows and sorts
                // whole filters for a first page (324 ms instead of 2 ms measured): give it statistics now.
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE");
                }
            }
            progress.update(total, total);
        }
    }

    /** The values of one row being made, set by parameter index like a prepared statement's. */
    static final class RowBuilder {
        final int insert;
        final Object[] values;

        RowBuilder(int insert, int width) {
            this.insert = insert;
            this.values = new Object[width];
        }

        void setInt(int index, int value) {
            values[index - 1] = value;
        }

        void setString(int index, String value) {
            values[index - 1] = value;
        }

        void setDouble(int index, double value) {
            values[index - 1] = value;
        }

        void setBoolean(int index, boolean value) {
            values[index - 1] = value;
        }

        void setBigDecimal(int index, BigDecimal value) {
            values[index - 1] = value == null ? new Writer.Typed(null, Types.DECIMAL) : value;
        }

        void setObject(int index, Object value) {
            values[index - 1] = value;
        }

        void setNull(int index, int sqlType) {
            values[index - 1] = new Writer.Typed(null, sqlType);
        }
    }

    /** Decides every row from the seed; sizes scale with the number of entities. */
    static final class Plan {
        final Random random;
        final long nowMicros;
        final int projects;
        final int boards;
        final int sprints;
        final int issues;
        final int stateCount;
        final int historyRuns;
        int conflictRows;
        /** What the states add to the dashboard's counts, whose triggers are off during the load. */
        final DashboardCounts counts = new DashboardCounts();
        private final int[] sprintBoard;
        private final int[] sprintProject;
        private final int[] issueProject;

        Plan(int entities, long seed, Instant now) {
            random = new Random(seed);
            nowMicros = now.getEpochSecond() * 1_000_000L;
            projects = Math.max(3, Math.min(DemoVocabulary.MAX_PROJECTS, entities / 20_000));
            boards = projects * 2;
            sprints = Math.max(projects * 3, entities / 50);
            issues = entities - projects - boards - sprints;
            stateCount = entities;
            historyRuns = 30 * 48 + entities / 1_000;
            sprintBoard = new int[sprints + 1];
            sprintProject = new int[sprints + 1];
            issueProject = new int[issues + 1];
        }

        long totalRows() {
            // conflicts are about 3% of states with two fields each
            return OPERATORS.length + projects + boards + sprints + issues + stateCount + historyRuns + stateCount * 6L / 100;
        }

        String key(int project) {
            return DemoVocabulary.projectKey(project);
        }

        long hoursAgo(double hours) {
            return nowMicros - (long) (hours * 3_600_000_000L);
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        void write(Writer w) {
            RowBuilder operators = w.prepare("INSERT INTO operators (id, username, display_name, created_at) VALUES (?, ?, ?, ?)");
            for (int i = 0; i < OPERATORS.length; i++) {
                operators.setInt(1, i + 1);
                operators.setString(2, OPERATORS[i]);
                operators.setString(3, Character.toUpperCase(OPERATORS[i].charAt(0)) + OPERATORS[i].substring(1));
                w.time(operators, 4, hoursAgo(24 * 90));
                w.add(operators);
            }
            writeProjectsAndBoards(w);
            writeSprints(w);
            writeIssues(w);
            writeSyncStates(w);
            writeHistory(w);
        }

        private void writeProjectsAndBoards(Writer w) {
            RowBuilder project = w.prepare("INSERT INTO projects (id, jira_project_id, project_key, name, project_type, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            RowBuilder board = w.prepare("INSERT INTO boards (id, jira_board_id, name, board_type, project_key, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            for (int p = 1; p <= projects; p++) {
                project.setInt(1, p);
                project.setString(2, String.valueOf(10_000 + p));
                project.setString(3, key(p));
                project.setString(4, DemoVocabulary.projectName(p));
                project.setString(5, p % 4 == 0 ? "business" : "software");
                w.time(project, 6, hoursAgo(24 * 400 - p));
                w.time(project, 7, hoursAgo(random.nextInt(24 * 30)));
                w.add(project);
                for (int b = 0; b < 2; b++) {
                    int id = 2 * p - 1 + b;
                    board.setInt(1, id);
                    board.setInt(2, 100 + id);
                    board.setString(3, key(p) + (b == 0 ? " Scrum" : " Kanban"));
                    board.setString(4, b == 0 ? "scrum" : "kanban");
                    board.setString(5, key(p));
                    w.time(board, 6, hoursAgo(24 * 390 - id));
                    w.time(board, 7, hoursAgo(random.nextInt(24 * 30)));
                    w.add(board);
                }
            }
        }

        private void writeSprints(Writer w) {
            RowBuilder sprint = w.prepare("INSERT INTO sprints (id, jira_sprint_id, name, state, start_date, end_date, complete_date, "
                    + "goal, board_id, origin_board_id, created_at, updated_at, jira_last_updated, sync_status, jira_board_name, "
                    + "jira_project_key, jira_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            int perProject = Math.max(1, sprints / projects);
            for (int s = 1; s <= sprints; s++) {
                int project = Math.min(projects, (s - 1) / perProject + 1);
                int number = s - (project - 1) * perProject;
                int fromLast = perProject - number;
                sprintProject[s] = project;
                sprintBoard[s] = 2 * project - 1;
                // Per board: the last sprint is planned, the one before runs now, the rest are closed.
                String state = fromLast <= 0 ? "future" : fromLast == 1 ? "active" : "closed";
                long start = hoursAgo(24.0 * 14 * (fromLast - 1) + 24 * 7);
                long end = start + 14L * 24 * 3_600_000_000L;
                sprint.setInt(1, s);
                sprint.setInt(2, 5_000 + s);
                sprint.setString(3, key(project) + " Sprint " + number);
                sprint.setString(4, state);
                w.time(sprint, 5, start);
                w.time(sprint, 6, end);
                w.time(sprint, 7, state.equals("closed") ? end - 3_600_000_000L * random.nextInt(20) : Long.MIN_VALUE);
                sprint.setString(8, pick(GOALS));
                sprint.setInt(9, 100 + sprintBoard[s]);
                sprint.setInt(10, 100 + sprintBoard[s]);
                w.time(sprint, 11, start - 24 * 3_600_000_000L);
                w.time(sprint, 12, Math.min(nowMicros, end));
                w.time(sprint, 13, Math.min(nowMicros, end));
                sprint.setString(14, random.nextInt(20) == 0 ? "failed" : "completed");
                sprint.setString(15, key(project) + " Scrum");
                sprint.setString(16, key(project));
                sprint.setString(17, String.valueOf(1 + random.nextInt(40)));
                w.add(sprint);
            }
        }

        private void writeIssues(Writer w) {
            RowBuilder issue = w.prepare("INSERT INTO issues (id, jira_issue_id, issue_key, summary, status, issue_type, priority, "
                    + "assignee, story_points, sprint_id, updated_at_remote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            int[] numbers = new int[projects + 1];
            for (int i = 1; i <= issues; i++) {
                int sprint = 1 + random.nextInt(sprints);
                int project = sprintProject[sprint];
                issueProject[i] = project;
                boolean backlog = random.nextInt(5) == 0;
                issue.setInt(1, i);
                issue.setString(2, String.valueOf(100_000 + i));
                issue.setString(3, key(project) + "-" + ++numbers[project]);
                issue.setString(4, pick(VERBS) + " " + pick(OBJECTS));
                issue.setString(5, pick(STATUSES));
                issue.setString(6, pick(TYPES));
                issue.setString(7, pick(PRIORITIES));
                issue.setString(8, random.nextInt(8) == 0 ? null : pick(PEOPLE));
                issue.setBigDecimal(9, random.nextInt(6) == 0 ? null : BigDecimal.valueOf(pick(STORY_POINTS)));
                if (backlog) {
                    issue.setNull(10, Types.BIGINT);
                } else {
                    issue.setInt(10, sprint);
                }
                long updated = hoursAgo(random.nextDouble() * 24 * 60);
                w.time(issue, 11, updated);
                w.time(issue, 12, updated - (long) (random.nextDouble() * 24 * 200 * 3_600_000_000L));
                w.time(issue, 13, updated);
                w.add(issue);
            }
        }

        private void writeSyncStates(Writer w) {
            RowBuilder state = w.prepare("INSERT INTO sync_metadata (id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt, "
                    + "last_successful_sync, error_count, last_error, sync_direction, sync_batch_id, content_hash, local_modified, "
                    + "remote_modified, created_at, updated_at, resolution_strategy, sync_duration_ms, api_calls_count, conflicts, row_version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + (w.vendor == Vendor.POSTGRESQL ? "CAST(? AS jsonb)" : "?") + ", ?)");
            RowBuilder conflict = w.prepare("INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name, local_value, "
                    + "remote_value, base_value, resolution_strategy, is_resolved, created_at, resolved_by, resolved_at, resolved_value, "
                    + "resolution_notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            byte[] hash = new byte[32];
            HexFormat hex = HexFormat.of();
            int id = 0;
            for (String type : new String[] {"project", "board", "sprint", "issue"}) {
                int count = switch (type) {
                    case "project" -> projects;
                    case "board" -> boards;
                    case "sprint" -> sprints;
                    default -> issues;
                };
                for (int entity = 1; entity <= count; entity++) {
                    id++;
                    int roll = random.nextInt(1000);
                    String status = roll < 760 ? "completed" : roll < 840 ? "failed" : roll < 900 ? "pending"
                            : roll < 920 ? "in_progress" : roll < 950 ? "skipped" : "pending";
                    boolean conflicted = roll >= 950 && (type.equals("issue") || type.equals("sprint"));
                    double attemptHoursAgo = status.equals("in_progress") ? random.nextDouble() * 0.1 : Math.pow(random.nextDouble(), 2) * 24 * 30;
                    long attempt = hoursAgo(attemptHoursAgo);
                    long success = status.equals("completed") ? attempt : hoursAgo(attemptHoursAgo + random.nextDouble() * 24 * 10);
                    int errors = status.equals("failed") ? 1 + random.nextInt(6) : status.equals("pending") && roll % 3 == 0 ? 1 + random.nextInt(3) : 0;
                    state.setInt(1, id);
                    state.setString(2, type);
                    state.setString(3, String.valueOf(entity));
                    state.setString(4, jiraId(type, entity));
                    state.setString(5, status);
                    w.time(state, 6, status.equals("pending") && roll % 5 == 0 ? Long.MIN_VALUE : attempt);
                    w.time(state, 7, success);
                    state.setInt(8, errors);
                    String lastError = errors > 0 ? pick(ERRORS) : null;
                    state.setString(9, lastError);
                    int direction = random.nextInt(10);
                    state.setString(10, direction < 7 ? "bidirectional" : direction < 9 ? "remote_to_local" : "local_to_remote");
                    state.setString(11, "batch-" + SqliteTimestamps.formatEpochMicros(attempt).substring(0, 13).replace(' ', 'T'));
                    random.nextBytes(hash);
                    state.setString(12, hex.formatHex(hash));
                    w.time(state, 13, attempt - 3_600_000_000L * random.nextInt(48));
                    w.time(state, 14, attempt - 3_600_000_000L * random.nextInt(48));
                    w.time(state, 15, hoursAgo(24 * 120 + random.nextInt(24 * 200)));
                    w.time(state, 16, attempt);
                    state.setString(17, conflicted ? "manual" : status.equals("completed") && random.nextInt(10) == 0 ? "auto" : null);
                    Integer duration = status.equals("pending") && attemptHoursAgo > 0 && errors == 0 && !conflicted ? null : duration();
                    if (duration == null) {
                        state.setNull(18, Types.INTEGER);
                    } else {
                        state.setInt(18, duration);
                    }
                    int apiCalls = 1 + random.nextInt(type.equals("issue") ? 6 : 12);
                    state.setInt(19, apiCalls);
                    counts.add(type, status, duration, apiCalls, lastError);
                    String conflicts = conflicted ? conflictFields(type, entity) : null;
                    w.json(state, 20, conflicts);
                    state.setInt(21, random.nextInt(4));
                    w.add(state);
                    if (conflicted) {
                        writeConflicts(w, conflict, id, conflicts, attempt);
                    } else if (status.equals("completed") && random.nextInt(40) == 0) {
                        writeResolvedConflict(w, conflict, id, type, attempt);
                    }
                }
            }
        }

        /** Sync durations are skewed: most are quick, a few take seconds. */
        private int duration() {
            double value = Math.exp(5 + random.nextGaussian() * 0.8);
            return (int) Math.min(60_000, Math.max(20, value));
        }

        private String jiraId(String type, int entity) {
            return switch (type) {
                case "project" -> String.valueOf(10_000 + entity);
                case "board" -> String.valueOf(100 + entity);
                case "sprint" -> String.valueOf(5_000 + entity);
                default -> String.valueOf(100_000 + entity);
            };
        }

        /** Two or three fields on which the local side and JIRA changed the same value differently. */
        private String conflictFields(String type, int entity) {
            StringBuilder json = new StringBuilder("[");
            if (type.equals("issue")) {
                String original = pick(VERBS) + " " + pick(OBJECTS);
                appendConflict(json, "summary", quote(original + " (local edit)"), quote(original + " for all regions"), quote(original));
                appendConflict(json, "story_points", String.valueOf(new int[] {3, 5}[random.nextInt(2)]), "8", "2");
                if (random.nextBoolean()) {
                    appendConflict(json, "assignee", quote(pick(PEOPLE)), quote(pick(PEOPLE)), quote(pick(PEOPLE)));
                }
            } else {
                String name = key(sprintProject[Math.min(entity, sprints)]) + " Sprint " + entity;
                appendConflict(json, "name", quote(name), quote(name + " (extended)"), quote(name));
                appendConflict(json, "goal", quote(pick(GOALS)), quote(pick(GOALS) + " and fix the flaky tests"), quote(pick(GOALS)));
                if (random.nextBoolean()) {
                    String end = SqliteTimestamps.formatEpochMicros(hoursAgo(-24 * 3)).replace(' ', 'T').substring(0, 19) + "Z";
                    String later = SqliteTimestamps.formatEpochMicros(hoursAgo(-24 * 10)).replace(' ', 'T').substring(0, 19) + "Z";
                    appendConflict(json, "end_date", quote(end), quote(later), quote(end));
                }
            }
            return json.append(']').toString();
        }

        private static void appendConflict(StringBuilder json, String field, String local, String remote, String base) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"field\":\"").append(field).append("\",\"local\":").append(local).append(",\"remote\":").append(remote)
                    .append(",\"base\":").append(base).append('}');
        }

        private static String quote(String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        private void writeConflicts(Writer w, RowBuilder conflict, int stateId, String conflicts, long attempt) {
            for (String item : conflicts.substring(2, conflicts.length() - 2).split("\\},\\{")) {
                String field = item.substring(item.indexOf(":\"") + 2, item.indexOf("\","));
                conflict.setInt(1, stateId);
                conflict.setString(2, "field_conflict");
                conflict.setString(3, field);
                w.json(conflict, 4, valueOf(item, "\"local\":", ",\"remote\""));
                w.json(conflict, 5, valueOf(item, "\"remote\":", ",\"base\""));
                w.json(conflict, 6, item.substring(item.indexOf("\"base\":") + 7));
                conflict.setString(7, "manual");
                conflict.setBoolean(8, false);
                w.time(conflict, 9, attempt);
                conflict.setNull(10, Types.BIGINT);
                w.time(conflict, 11, Long.MIN_VALUE);
                w.json(conflict, 12, null);
                conflict.setString(13, null);
                w.add(conflict);
                conflictRows++;
            }
        }

        private void writeResolvedConflict(Writer w, RowBuilder conflict, int stateId, String type, long attempt) {
            boolean jiraWins = random.nextBoolean();
            String field = type.equals("issue") ? "priority" : "name";
            String local = quote(type.equals("issue") ? "High" : "Local name");
            String remote = quote(type.equals("issue") ? "Highest" : "JIRA name");
            conflict.setInt(1, stateId);
            conflict.setString(2, "field_conflict");
            conflict.setString(3, field);
            w.json(conflict, 4, local);
            w.json(conflict, 5, remote);
            w.json(conflict, 6, null);
            conflict.setString(7, jiraWins ? "jira_wins" : "local_wins");
            conflict.setBoolean(8, true);
            w.time(conflict, 9, attempt - 3_600_000_000L * 30);
            conflict.setInt(10, 1 + random.nextInt(OPERATORS.length));
            w.time(conflict, 11, attempt - 3_600_000_000L);
            w.json(conflict, 12, jiraWins ? remote : local);
            conflict.setString(13, jiraWins ? "JIRA is the source of truth for priorities" : "Kept the name agreed in planning");
            w.add(conflict);
            conflictRows++;
        }

        private static String valueOf(String item, String start, String end) {
            return item.substring(item.indexOf(start) + start.length(), item.indexOf(end));
        }

        private void writeHistory(Writer w) {
            RowBuilder run = w.prepare("INSERT INTO sync_history (id, operation_type, entity_type, batch_id, entities_processed, "
                    + "entities_created, entities_updated, entities_deleted, entities_skipped, conflicts_detected, conflicts_resolved, "
                    + "api_calls_made, duration_seconds, status, error_message, sync_details, initiated_by, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + (w.vendor == Vendor.POSTGRESQL ? "CAST(? AS jsonb)" : "?") + ", ?, ?, ?)");
            String[] types = {"issue", "sprint", "board", "project"};
            for (int i = 1; i <= historyRuns; i++) {
                double hoursAgo = (historyRuns - i) * (30.0 * 24 / historyRuns) + random.nextDouble() * 0.2;
                long at = hoursAgo(hoursAgo);
                int roll = random.nextInt(100);
                String operation = i % 48 == 0 ? "full_sync" : roll < 20 ? "webhook_sync" : roll < 23 ? "conflict_resolution" : "incremental_sync";
                // A rough patch ten days ago: JIRA rate-limited for a day.
                boolean failed = random.nextInt(100) < (hoursAgo > 24 * 9 && hoursAgo < 24 * 10 ? 45 : 6);
                boolean running = i == historyRuns;
                int processed = operation.equals("full_sync") ? 2_000 + random.nextInt(8_000) : 5 + random.nextInt(300);
                int created = random.nextInt(Math.max(1, processed / 20));
                int deleted = random.nextInt(Math.max(1, processed / 100));
                int skipped = random.nextInt(Math.max(1, processed / 50));
                int updated = Math.max(0, processed - created - deleted - skipped - random.nextInt(Math.max(1, processed / 10)));
                int detected = random.nextInt(4);
                run.setInt(1, i);
                run.setString(2, operation);
                run.setString(3, operation.equals("full_sync") ? null : types[random.nextInt(types.length)]);
                run.setString(4, "batch-" + SqliteTimestamps.formatEpochMicros(at).substring(0, 13).replace(' ', 'T'));
                run.setInt(5, processed);
                run.setInt(6, created);
                run.setInt(7, updated);
                run.setInt(8, deleted);
                run.setInt(9, skipped);
                run.setInt(10, detected);
                run.setInt(11, operation.equals("conflict_resolution") ? detected : random.nextInt(detected + 1));
                run.setInt(12, processed + random.nextInt(processed + 1));
                run.setDouble(13, Math.round((processed * 0.04 + random.nextDouble() * 20) * 100) / 100.0);
                run.setString(14, running ? "in_progress" : failed ? "failed" : "completed");
                run.setString(15, failed && !running ? ERRORS[random.nextInt(3)] : null);
                w.json(run, 16, "{\"jira_host\":\"example.atlassian.net\",\"worker\":\"sync-" + (1 + random.nextInt(3)) + "\"}");
                if (operation.equals("conflict_resolution") || random.nextInt(10) == 0) {
                    run.setInt(17, 1 + random.nextInt(OPERATORS.length));
                } else {
                    run.setNull(17, Types.BIGINT);
                }
                w.time(run, 18, at);
                w.time(run, 19, at);
                w.add(run);
            }
        }
    }
}
