package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Workspace;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.syncstate.ActionResult;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.PasswordPostgres;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server that refuses the password, has no such database, is not there at all, or
 * stops in the middle of a bulk action: each is explained in one line within seconds, and the
 * interrupted action changes nothing.
 */
class PostgresFailureTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path home;

    @Test
    void aWrongPasswordIsRefusedClearlyAndTheRightOneWorks() {
        String name = PasswordPostgres.freshDatabase();
        String url = PasswordPostgres.jdbcUrl(name);

        long start = System.nanoTime();
        CliRun wrong = CliRun.withPassword(home, "not-the-password", "status", "--url", url, "--user", PasswordPostgres.USER);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        CliAssert.oneLine(wrong, ExitCodes.REFUSED, "refused the user name or password");
        assertThat(wrong.err()).doesNotContain("not-the-password");
        CliAssert.oneLine(CliRun.of("stats", "--url", url, "--user", PasswordPostgres.USER), ExitCodes.REFUSED,
                "asks for a password and none was given", "SYNCDESK_PASSWORD");

        assertThatThrownBy(() -> Database.open(PasswordPostgres.target(name, "wrong")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        try (Database database = Database.open(PasswordPostgres.target(name, PasswordPostgres.PASSWORD))) {
            assertThat(new MigrationService(database, "tester").status().currentVersion()).isZero();
        }
        CliRun right = CliRun.withPassword(home, PasswordPostgres.PASSWORD, "migrate", "--url", url, "--user", PasswordPostgres.USER);
        assertThat(right.exitCode()).as(right.err()).isZero();
    }

    @Test
    void anUnknownDatabaseIsRefusedByOpenAndByStats() {
        String url = PasswordPostgres.jdbcUrl("no_such_database");
        assertThatThrownBy(() -> Database.open(ConnectionTarget.postgres(url, PasswordPostgres.USER, PasswordPostgres.PASSWORD.toCharArray())))
                .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DATABASE))
                .hasMessageContaining("has no such database");
        CliAssert.oneLine(CliRun.withPassword(home, PasswordPostgres.PASSWORD, "stats", "--url", url, "--user", PasswordPostgres.USER),
                ExitCodes.REFUSED, "has no such database");
    }

    @Test
    void aPortNothingListensOnIsReportedUnreachableWithinSeconds() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String url = "jdbc:postgresql://" + host + ":" + port + "/syncdesk";
            long start = System.nanoTime();
            CliRun run = CliRun.of("status", "--url", url, "--user", "ops");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(host).isLessThan(BOUND);
            CliAssert.oneLine(run, ExitCodes.REFUSED, "Cannot reach", host + ":" + port);

            start = System.nanoTime();
            assertThatThrownBy(() -> Database.open(ConnectionTarget.postgres(url, "ops", new char[0])))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(host).isLessThan(BOUND);
        }
    }

    @Test
    void aServerStoppedInTheMiddleOfABulkRetryChangesNothingAndTheSameWorkspaceReconnectsAfterwards() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setCleanDataDirectory(false).start();
        File dataDirectory = dataDirectoryOf(server);
        int port = server.getPort();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        int rows = 200_000;
        try (Workspace workspace = open(url)) {
            StateRows.execute(workspace.database(), "INSERT INTO sync_metadata (entity_type, entity_id, sync_status, error_count, last_error) "
                    + "SELECT 'issue', 'E-' || g, 'failed', 1, 'HTTP 503' FROM generate_series(1, " + rows + ") g");

            CompletableFuture<ActionResult> retry = CompletableFuture.supplyAsync(
                    () -> workspace.syncStates().apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all()), "ops"));
            awaitRunning(server, "UPDATE sync_metadata");
            server.close();

            assertThatThrownBy(() -> retry.get(60, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                    .hasMessageContaining("Lost the connection to localhost:" + port)
                    .hasMessageContaining("rolled back");

            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
            assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM sync_metadata WHERE sync_status = 'failed'")).isEqualTo(rows);
            assertThat(StateRows.scalar(workspace.database(), "SELECT sum(row_version) FROM sync_metadata")).isZero();
            assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM audit_log")).isZero();

            assertThat(workspace.syncStates().apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all()), "ops").affected()).isEqualTo(rows);
        } finally {
            server.close();
            deleteRecursively(dataDirectory);
        }
    }

    private static Workspace open(String url) {
        Database database = Database.open(ConnectionTarget.postgres(url, "postgres", new char[0]));
        new MigrationService(database, "tester", Path.of(System.getProperty("java.io.tmpdir"))).upgrade(null, MigrationProgress.NONE);
        return TestWorkspaces.over(database);
    }

    private static void awaitRunning(EmbeddedPostgres server, String statementStart) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                        + "AND query LIKE '" + statementStart + "%'")) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("The bulk action never showed up in pg_stat_activity");
    }

    private static File dataDirectoryOf(EmbeddedPostgres server) throws Exception {
        var field = EmbeddedPostgres.class.getDeclaredField("dataDirectory");
        field.setAccessible(true);
        return (File) field.get(server);
    }

    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }
}
