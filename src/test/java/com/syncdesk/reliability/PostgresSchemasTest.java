package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.CountTables;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;

/**
 * SyncDesk in a PostgreSQL schema other than {@code public}: a sync worker whose search_path does not
 * name that schema keeps the dashboard's counts exact, a schema whose name needs quoting works for every
 * command, and tables in another schema than the URL's are found and named instead of "no schema yet".
 */
class PostgresSchemasTest {

    /** The figures the count tables must hold, computed from the states themselves (as DashboardCountsTest does). */
    @TempDir
    Path tempDir;

    @Test
    void aWorkerWhoseSearchPathLacksTheSchemaWritesStatesAndTheCountsStayExact() throws SQLException {
        ConnectionTarget database = TestPostgres.freshDatabase();
        String url = ((ConnectionTarget.PostgresServer) database).jdbcUrl();
        execute(url, "CREATE SCHEMA app");
        ConnectionTarget inApp = ConnectionTarget.postgres(url + "?currentSchema=app", TestPostgres.USER, new char[0]);
        try (Database syncDesk = Database.open(inApp)) {
            new MigrationService(syncDesk, "tester").upgrade(null, MigrationProgress.NONE);

            try (Connection worker = DriverManager.getConnection(url, TestPostgres.USER, "");
                 Statement statement = worker.createStatement()) {
                assertThat(scalarText(statement, "SHOW search_path")).doesNotContain("app");
                // Tables of the worker's own that share the count tables' names must not receive SyncDesk's counts.
                statement.execute("CREATE TABLE public.sync_state_counts (entity_type text, sync_status text, states bigint, "
                        + "durations bigint, duration_ms_sum bigint, api_calls bigint)");
                statement.execute("CREATE TEMP TABLE sync_error_counts (entity_type text, last_error text, states bigint)");

                statement.executeUpdate("INSERT INTO app.sync_metadata (entity_type, entity_id, sync_status, sync_duration_ms, api_calls_count, "
                        + "last_error) SELECT (ARRAY['issue', 'sprint', 'board'])[1 + g % 3], 'W-' || g, "
                        + "(ARRAY['pending', 'failed', 'completed'])[1 + g % 3], g * 10, g % 4, 'HTTP 50' || (g % 3) FROM generate_series(1, 300) g");
                statement.executeUpdate("UPDATE app.sync_metadata SET sync_status = 'failed', last_error = 'Read timed out' WHERE id % 5 = 0");
                statement.executeUpdate("UPDATE app.sync_metadata SET sync_duration_ms = NULL, entity_type = 'project' WHERE id % 7 = 0");
                statement.executeUpdate("DELETE FROM app.sync_metadata WHERE id % 11 = 0");
                assertThat(scalarText(statement, "SELECT count(*) FROM public.sync_state_counts")).isEqualTo("0");
                assertThat(scalarText(statement, "SELECT count(*) FROM pg_temp.sync_error_counts")).isEqualTo("0");
            }
            assertCountsMatchTheStates(syncDesk, "after the worker's writes");

            try (Connection worker = DriverManager.getConnection(url, TestPostgres.USER, "");
                 Statement statement = worker.createStatement()) {
                statement.execute("TRUNCATE app.sync_metadata CASCADE");
            }
            assertCountsMatchTheStates(syncDesk, "after the worker's TRUNCATE");
            assertThat(TableDump.of(syncDesk).get("sync_state_counts")).isEmpty();
        }
    }

    @Test
    void aSchemaWhoseNameNeedsQuotingServesEveryCommand() throws Exception {
        ConnectionTarget database = TestPostgres.freshDatabase();
        String plainUrl = ((ConnectionTarget.PostgresServer) database).jdbcUrl();
        execute(plainUrl, "CREATE SCHEMA \"Sync Data\"");
        String url = plainUrl + "?currentSchema=" + URLEncoder.encode("\"Sync Data\"", StandardCharsets.UTF_8);
        Path backups = tempDir.resolve("backups");

        ok(cli("migrate", url));
        ok(cli("demo-data", url, "--entities", "300"));
        CliRun stats = ok(cli("stats", url));
        assertThat(stats.out()).contains("Sync states: 300");
        Path export = tempDir.resolve("states.csv");
        ok(cli("export", url, "--format", "csv", "--out", export.toString()));
        assertThat(Files.readAllLines(export)).hasSize(301);
        ok(cli("validate", url));

        try (Database inSchema = Database.open(ConnectionTarget.postgres(url, TestPostgres.USER, new char[0]))) {
            Map<String, List<String>> before = TableDump.of(inSchema);
            List<String> schema = SchemaSnapshot.capture(inSchema);
            assertThat(before.get("sync_metadata")).hasSize(300);
            ok(cli("backup", url, "--backup-dir", backups.toString()));
            ok(cli("retry-failed", url, "--yes"));
            Path backup;
            try (Stream<Path> taken = Files.list(backups)) {
                backup = taken.findFirst().orElseThrow();
            }
            ok(cli("restore", url, backup.toString(), "--yes", "--backup-dir", backups.toString()));
            assertThat(TableDump.of(inSchema)).isEqualTo(before);
            assertThat(SchemaSnapshot.capture(inSchema)).isEqualTo(schema);
        }
        try (Connection admin = DriverManager.getConnection(plainUrl, TestPostgres.USER, ""); Statement statement = admin.createStatement()) {
            assertThat(scalarText(statement, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isEqualTo("0");
        }
    }

    @Test
    void tablesInAnotherSchemaThanTheUrlsAreNamedWithTheWayToReachThem() throws Exception {
        ConnectionTarget database = TestPostgres.freshDatabase();
        String url = ((ConnectionTarget.PostgresServer) database).jdbcUrl();
        execute(url, "CREATE SCHEMA app");
        ok(cli("migrate", url + "?currentSchema=app"));
        ok(cli("demo-data", url + "?currentSchema=app", "--entities", "50"));
        List<String> schemaOfApp;
        try (Database inApp = Database.open(ConnectionTarget.postgres(url + "?currentSchema=app", TestPostgres.USER, new char[0]))) {
            schemaOfApp = SchemaSnapshot.capture(inApp);
        }

        for (String[] command : List.of(new String[] {"status"}, new String[] {"stats"}, new String[] {"export", "--format", "json"},
                new String[] {"retry-failed", "--yes"}, new String[] {"conflicts", "list"}, new String[] {"validate"},
                new String[] {"migrate"}, new String[] {"demo-data"})) {
            CliRun run = CliRun.of(Stream.concat(Stream.of(command), Stream.of("--url", url, "--user", TestPostgres.USER)).toArray(String[]::new));
            CliAssert.oneLine(run, ExitCodes.REFUSED, "schema public", "schema app (version " + Versions.LATEST + ")",
                    "currentSchema=app", "Nothing was changed");
            assertThat(run.err()).as(command[0]).doesNotContain("no SyncDesk schema yet");
        }
        try (Connection admin = DriverManager.getConnection(url, TestPostgres.USER, ""); Statement statement = admin.createStatement()) {
            assertThat(scalarText(statement, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isEqualTo("0");
        }
        try (Database inApp = Database.open(ConnectionTarget.postgres(url + "?currentSchema=app", TestPostgres.USER, new char[0]))) {
            assertThat(SchemaSnapshot.capture(inApp)).isEqualTo(schemaOfApp);
        }
    }

    @Test
    void aSchemaNeedingQuotesIsNamedInTheWayTheUrlTakesIt() throws Exception {
        ConnectionTarget database = TestPostgres.freshDatabase();
        String url = ((ConnectionTarget.PostgresServer) database).jdbcUrl();
        execute(url, "CREATE SCHEMA \"Sync Data\"");
        ok(cli("migrate", url + "?currentSchema=" + URLEncoder.encode("\"Sync Data\"", StandardCharsets.UTF_8)));

        CliRun stats = cli("stats", url);
        CliAssert.oneLine(stats, ExitCodes.REFUSED, "schema Sync Data (version " + Versions.LATEST + ")", "currentSchema=%22Sync+Data%22");
        ok(cli("stats", url + "?currentSchema=%22Sync+Data%22"));
    }

    @Test
    void twoSyncDeskSchemasInOneDatabaseEachKeepTheirOwnHistory() throws Exception {
        ConnectionTarget database = TestPostgres.freshDatabase();
        String url = ((ConnectionTarget.PostgresServer) database).jdbcUrl();
        ok(cli("migrate", url));
        ok(cli("downgrade", url, "--to", "9", "--no-backup", "--yes"));
        ok(cli("migrate", url));
        assertThat(cli("status", url).out()).containsPattern("(?m)^11 +Applied");

        ok(cli("migrate", url + "?currentSchema=app"));
        CliRun app = ok(cli("status", url + "?currentSchema=app"));
        assertThat(app.out()).contains("Schema version: " + Versions.LATEST + " (latest)").doesNotContain("Undone");
        ok(cli("demo-data", url + "?currentSchema=app", "--entities", "40"));
        assertThat(ok(cli("stats", url + "?currentSchema=app")).out()).contains("Sync states: 40");
        assertThat(ok(cli("stats", url)).out()).contains("Sync states: 0");
    }

    private static CliRun cli(String command, String url, String... more) {
        String[] args = Stream.concat(Stream.of(command, "--url", url, "--user", TestPostgres.USER), Stream.of(more)).toArray(String[]::new);
        return CliRun.of(args);
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.OK);
        return run;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url, TestPostgres.USER, ""); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String scalarText(Statement statement, String sql) throws SQLException {
        try (var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void assertCountsMatchTheStates(Database database, String when) throws SQLException {
        CountTables.assertMatchTheStates(database, when);
    }
}
