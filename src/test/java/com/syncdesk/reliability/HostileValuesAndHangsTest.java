package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Workspace;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.conflict.InvalidValueException;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.testing.ChildCli;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.TestWorkspaces;

/**
 * Files that are not files, servers that stop answering, and values other clients wrote with the checks off:
 * each gets a clear answer in bounded time, and one hostile row never takes a page or a command down.
 */
class HostileValuesAndHangsTest {

    /** Far beyond any answer these cases owe, so a hang fails the test instead of the build. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aPipeOrADeviceGivenAsTheDatabaseIsRefusedInsteadOfHangingAndLeavesNothingBeside() throws Exception {
        Path fifo = dir.resolve("queue.db");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (Path file : List.of(fifo, Path.of("/dev/null"))) {
            for (String command : List.of("status", "migrate", "stats")) {
                CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of(command, "--db", file.toString()));
                CliAssert.oneLine(run, ExitCodes.REFUSED, "is not a regular file");
            }
            assertThat(file.resolveSibling(file.getFileName() + ".migration-lock")).doesNotExist();
        }
    }

    @Test
    void aPostgresServerThatStopsAnsweringFailsTheExportWithinTheTimeoutAndLeavesNoPartialFile() throws Exception {
        ConnectionTarget target = TestPostgres.freshDatabase();
        String url = ((ConnectionTarget.PostgresServer) target).jdbcUrl();
        try (Workspace workspace = TestWorkspaces.over(prepared(target))) {
            StateRows.insert(workspace.database(), 2_000, 3);
        }
        Path out = dir.resolve("states.csv");
        Process export = ChildCli.builder(dir.resolve("home"), List.of("-Dsyncdesk.network.timeout=3"), Map.of(), "export", "--url", url,
                "--user", TestPostgres.USER, "--out", out.toString()).redirectErrorStream(true).start();
        Set<Long> frozen = new HashSet<>();
        try (Connection admin = TestPostgres.server().getPostgresDatabase().getConnection();
             PreparedStatement backends = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = 'SyncDesk' "
                     + "AND datname = ?")) {
            backends.setString(1, url.substring(url.lastIndexOf('/') + 1));
            long deadline = System.nanoTime() + HANG.toNanos();
            while (export.isAlive() && System.nanoTime() < deadline) {
                // Every backend serving the export freezes as soon as it appears, as a stuck server would.
                try (ResultSet pids = backends.executeQuery()) {
                    while (pids.next()) {
                        if (frozen.add(pids.getLong(1))) {
                            new ProcessBuilder("kill", "-STOP", String.valueOf(pids.getLong(1))).start().waitFor();
                        }
                    }
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertThat(export.waitFor(5, TimeUnit.SECONDS)).as("the export gave up by itself").isTrue();
            String said = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(frozen).isNotEmpty();
            assertThat(export.exitValue()).as(said).isEqualTo(ExitCodes.REFUSED);
            assertThat(said).containsAnyOf("stopped answering", "Lost the connection");
            assertThat(out).doesNotExist();
            assertThat(out.resolveSibling("states.csv.partial")).doesNotExist();
        } finally {
            for (long pid : frozen) {
                new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor();
            }
            export.destroyForcibly();
        }
    }

    private static Database prepared(ConnectionTarget target) {
        Database database = Database.open(target);
        DatabaseSession.over(database, "tester", Path.of("unused")).migrations()
                .upgrade(null, MigrationProgress.NONE);
        return database;
    }

    @Test
    void aConflictValueOfMillionsOfDigitsIsRefusedBeforeAnythingIsLocked() throws Exception {
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, dir)) {
            StateRows.execute(workspace.database(), "INSERT INTO issues (id, issue_key, summary, story_points) VALUES (1, 'PAY-1', 'Pay', 3)");
            SyncState state = workspace.conflicts().record(workspace.syncStates().createSyncState(EntityType.ISSUE, "1", "PAY-1"),
                    List.of(new FieldConflict("story_points", TextNode.valueOf("1"), TextNode.valueOf("2"), null)));
            try (Connection connection = workspace.database().connection();
                 PreparedStatement update = connection.prepareStatement("UPDATE conflict_resolutions SET local_value = ?")) {
                update.setString(1, "\"" + "9".repeat(3_000_000) + "\"");
                update.executeUpdate();
            }
            int version = workspace.conflicts().detail(state.getId()).state().rowVersion();

            assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> workspace.conflicts().resolve(state.getId(), version,
                    Map.of("story_points", FieldChoice.local()), null, "ops"))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("3,000,000").hasMessageContaining("characters"));
            assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM conflict_resolutions WHERE is_resolved = 0")).isEqualTo(1);
        }
    }

    /** Another client's write, past every range SyncDesk knows, with the checks off. */
    private static void storeWithChecksOff(Path db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA ignore_check_constraints = ON");
            statement.executeUpdate(sql);
        }
    }

    @Test
    void statisticsSurviveValuesPastEveryColumnsRange() throws Exception {
        Path db = dir.resolve("ops.db");
        assertThat(CliRun.of("demo-data", "--db", db.toString(), "--entities", "100").exitCode()).isZero();
        storeWithChecksOff(db, "UPDATE sync_metadata SET sync_duration_ms = 9223372036854775807, api_calls_count = 9223372036854775807 "
                + "WHERE id IN (SELECT id FROM sync_metadata WHERE sync_status = 'completed' LIMIT 3)");

        CliRun stats = CliRun.of("stats", "--json", "--db", db.toString());

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(Json.read(stats.out()).get("statistics").get("totalApiCalls").asLong()).isEqualTo(Long.MAX_VALUE);
        CliRun list = CliRun.of("stats", "--db", db.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
    }

    @Test
    void aHugeErrorMessageIsCutInStatsAndPrintedWholeOnlyWhenAskedFor() throws Exception {
        Path db = dir.resolve("ops.db");
        assertThat(CliRun.of("demo-data", "--db", db.toString(), "--entities", "100").exitCode()).isZero();
        String huge = "HTTP 500 from JIRA: " + "stack frame\n".repeat(200_000);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement update = connection.prepareStatement("UPDATE sync_metadata SET last_error = ? WHERE sync_status = 'failed'")) {
            update.setString(1, huge);
            update.executeUpdate();
        }

        CliRun stats = CliRun.of("stats", "--db", db.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(300));
        assertThat(stats.out()).contains("HTTP 500 from JIRA: stack frame…").contains(String.format("%,d characters in all", huge.length()));
        assertThat(CliRun.of("stats", "--full-errors", "--db", db.toString()).out()).contains(huge);
    }

    @Test
    void absurdOptionsAreRefusedBeforeTheDatabaseIsTouched() {
        Path db = dir.resolve("new.db");
        CliAssert.oneLine(CliRun.of("demo-data", "--db", db.toString(), "--entities", "2147483647"), ExitCodes.USAGE, "--entities");
        assertThat(db).doesNotExist();
        CliAssert.oneLine(CliRun.of("stats", "--hours", "-1", "--db", db.toString()), ExitCodes.USAGE, "--hours");
        assertThat(db).doesNotExist();
    }

    @Test
    void aLogFolderThatCannotBeCreatedIsSaidOnceOnStderrAndStatsJsonStaysJson() throws Exception {
        Path db = dir.resolve("ops.db");
        assertThat(CliRun.of("demo-data", "--db", db.toString(), "--entities", "50").exitCode()).isZero();
        // The product's logging configuration, which the tests' own would otherwise replace.
        String productLogging = "-Dlogback.configurationFile=" + Path.of("resources", "logback.xml").toAbsolutePath();
        Process stats = ChildCli.builder(Path.of("/dev/null/home"), List.of(productLogging), Map.of(), "stats", "--json", "--db", db.toString())
                .start();
        String err = new String(stats.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(stats.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stats.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stats.exitValue()).as(err).isZero();
        assertThat(Json.read(out).get("statistics").get("total").asLong()).isPositive();
        assertThat(err).hasLineCount(1).startsWith("syncdesk: logging is off for this run");
    }
}
