package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.jira.JiraConnectionStore;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.sync.SyncLock;
import com.syncdesk.testing.ChildCli;
import com.syncdesk.testing.CliRun;

/** {@code syncdesk sync} against the simulator: output, exit codes, refusals, dry runs and the worker stopped by SIGTERM. */
class SyncCommandTest {

    @TempDir
    Path tempDir;

    private Path db;
    private InputStream realStdin;
    private JiraSimulator sim;

    @BeforeEach
    void connectedDatabase() {
        db = tempDir.resolve("sync.db");
        realStdin = System.in;
        sim = JiraSimulator.start(SimulatorConfig.cloud(5, 300));
        assertThat(CliRun.of("migrate", "--db", db.toString()).exitCode()).isZero();
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            new JiraConnectionStore(database).save(sim.site().withBoards(sim.boardIds()).withBacklog(true), "tester");
        }
    }

    @AfterEach
    void stop() {
        System.setIn(realStdin);
        sim.close();
    }

    private CliRun withToken(String token, String... args) {
        System.setIn(new ByteArrayInputStream((token + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(realStdin);
        }
    }

    private CliRun sync(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sync", "--db", db.toString(), "--token-stdin"));
        args.addAll(List.of(more));
        return withToken(sim.config().token(), args.toArray(String[]::new));
    }

    private long count(String sql) throws Exception {
        try (Database database = Database.open(ConnectionTarget.sqlite(db)); var connection = database.connection();
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aRunPrintsOneLinePerBoardAndASummaryAndExitsZero() throws Exception {
        CliRun run = sync();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Full sync of " + sim.boardIds().size() + " boards");
        for (long board : sim.boardIds()) {
            assertThat(run.out()).containsPattern("Board " + board + " \\(.+\\), full: [0-9,]+ entities, ");
        }
        assertThat(run.out()).contains("Full sync completed in").contains("pulled").contains("pushed").contains("conflicts opened 0")
                .contains("JIRA API calls").contains("rate-limit waits 0").containsPattern("\\([0-9,]+ searches\\)");
        assertThat(count("SELECT count(*) FROM issues")).isEqualTo(sim.issueCount());
        assertThat(run.out()).doesNotContain(sim.config().token());

        CliRun again = sync();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Incremental sync of").contains("pulled 0, pushed 0");
    }

    @Test
    void aDryRunListsWhatItWouldDoAndChangesNothing() throws Exception {
        assertThat(sync().exitCode()).isZero();
        sim.renameAsAnotherUser("PAY-3", "Renamed in JIRA");
        CliRun dry = sync("--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("would pull summary: issue PAY-3").contains("Nothing was changed, here or in JIRA.");
        assertThat(count("SELECT count(*) FROM issues WHERE summary = 'Renamed in JIRA'")).isZero();
        assertThat(count("SELECT count(*) FROM sync_history")).isEqualTo(1);
    }

    @Test
    void refusalsExitThreeInWords() throws Exception {
        CliRun noSecret = CliRun.of("sync", "--db", db.toString());
        assertThat(noSecret.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(noSecret.err()).contains("SYNCDESK_JIRA_TOKEN");

        CliRun wrong = withToken("not-the-token", "sync", "--db", db.toString(), "--token-stdin");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(wrong.err()).contains("JIRA refused SyncDesk").doesNotContain("not-the-token");

        try (Database database = Database.open(ConnectionTarget.sqlite(db)); SyncLock held = SyncLock.acquire(database)) {
            CliRun locked = sync();
            assertThat(locked.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(locked.err()).contains("Another sync run").contains("process " + ProcessHandle.current().pid());
        }

        Path other = tempDir.resolve("unconnected.db");
        assertThat(CliRun.of("migrate", "--db", other.toString()).exitCode()).isZero();
        CliRun unconnected = withToken("x", "sync", "--db", other.toString(), "--token-stdin");
        assertThat(unconnected.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unconnected.err()).contains("No JIRA connection is configured");
    }

    @Test
    void aBoardThatCannotBeSyncedFailsTheRunWithExitCodeOne() {
        sim.denyBoard(2);
        CliRun run = sync();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Board 2 (board 2), full: FAILED");
        assertThat(run.err()).contains("Board 2 could not be synced");
    }

    @Test
    void wrongOptionsExitTwo() {
        assertThat(CliRun.of("sync", "--db", db.toString(), "--every", "5m").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun unknownBoard = sync("--board", "99");
        assertThat(unknownBoard.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownBoard.err()).contains("Board 99 is not synced by this database's JIRA connection");
    }

    @Test
    void theWorkerSyncsOnItsScheduleAndExitsZeroOnSigterm() throws Exception {
        Path log = tempDir.resolve("worker.log");
        Process worker = ChildCli.builder(tempDir.resolve("home"), List.of("-Dsyncdesk.keyring=off"),
                        Map.of("SYNCDESK_JIRA_TOKEN", sim.config().token()), "sync", "--db", db.toString(), "--watch", "--every", "1s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (count("SELECT count(*) FROM sync_history WHERE status = 'completed'") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count("SELECT count(*) FROM sync_history WHERE status = 'completed'")).isGreaterThanOrEqualTo(2);

        worker.destroy();

        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readAllLines(log).stream().collect(Collectors.joining("\n"));
        assertThat(worker.exitValue()).as(output).isZero();
        assertThat(output).contains("Syncing every 1 s until stopped").contains("Incremental sync");
        assertThat(count("SELECT count(*) FROM sync_history WHERE status = 'in_progress'")).isZero();
        assertThat(count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'in_progress'")).isZero();
    }
}
