package com.syncdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.sync.SyncSummary.Outcome;
import com.syncdesk.testing.ChildCli;

/**
 * SIGKILLs the real {@code syncdesk sync} (a child JVM) at random moments of a run that pulls, pushes, transitions,
 * creates and deletes, then runs again to the end and compares both sides: nothing stuck in progress, the killed run's
 * history row marked interrupted, every change on either side arrived on the other, nothing created or deleted twice,
 * the dashboard's counts exact. The ten-kill variant runs in the reliability-long profile.
 */
class KilledSyncTest {

    private static final Logger LOG = LoggerFactory.getLogger(KilledSyncTest.class);
    private static final int ISSUES = 1_500;

    @TempDir
    Path tempDir;

    private final Random random = new Random(20261201);

    @Test
    void aRunKilledAtARandomMomentLeavesNothingStuckLostOrDuplicated() throws Exception {
        killAndCheck(Vendor.SQLITE, 1);
        killAndCheck(Vendor.POSTGRESQL, 1);
    }

    @Test
    @Tag("reliability-long")
    void tenRunsKilledAtRandomMomentsLeaveNothingStuckLostOrDuplicated() throws Exception {
        killAndCheck(Vendor.SQLITE, 5);
        killAndCheck(Vendor.POSTGRESQL, 5);
    }

    /** What the changes made before a run expect to find afterwards. */
    private record Changes(int created, Set<String> deletedLocally, int jiraIssuesBefore) {
    }

    private void killAndCheck(Vendor vendor, int kills) throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        long window = -1;
        for (int kill = 0; kill <= kills; kill++) {
            Path dir = java.nio.file.Files.createDirectories(tempDir.resolve(vendor + "-" + kill));
            try (SyncFixture f = SyncFixture.start(vendor, dir, SimulatorConfig.cloud(21, ISSUES).withLatency(Duration.ofMillis(2)),
                    UnaryOperator.identity())) {
                assertThat(f.run().outcome()).isEqualTo(Outcome.COMPLETED);
                Changes changes = change(f);
                Process child = ChildCli.builder(dir.resolve("home"), List.of("-Dsyncdesk.keyring=off"), Map.of("SYNCDESK_JIRA_TOKEN",
                        f.sim.config().token(), "SYNCDESK_PASSWORD", ""), args(f)).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile()).start();
                awaitStart(f, child);
                long started = System.nanoTime();
                if (kill == 0) {
                    // The first run goes to the end: how long a run writes is the window the kills fall into.
                    assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
                    assertThat(child.exitValue()).isZero();
                    window = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    outcomes.merge("completed", 1, Integer::sum);
                } else {
                    Thread.sleep((long) (random.nextDouble() * window));
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    outcomes.merge(child.exitValue() == 0 ? "finished before the kill" : "killed", 1, Integer::sum);
                }
                check(f, changes);
            }
        }
        LOG.warn("{}: {} kills in a window of {} ms; outcomes {}", vendor, kills, window, outcomes);
    }

    private static String[] args(SyncFixture f) {
        List<String> args = new ArrayList<>(List.of("sync"));
        switch (f.database.target()) {
            case SqliteFile file -> args.addAll(List.of("--db", file.path().toString()));
            case PostgresServer server -> args.addAll(List.of("--url", server.jdbcUrl(), "--user", server.user()));
        }
        return args.toArray(String[]::new);
    }

    /** Disjoint changes on both sides: JIRA renames and moves issues; locally issues are edited, moved on, created and deleted. */
    private static Changes change(SyncFixture f) {
        List<String> keys = f.sim.issueKeys();
        Set<String> deleted = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            switch (i % 10) {
                case 1 -> f.sim.renameAsAnotherUser(key, "JIRA renamed " + key);
                case 3 -> f.sql("UPDATE issues SET summary = 'Local edit of " + key + "', priority = 'Highest', updated_at = CURRENT_TIMESTAMP "
                        + "WHERE issue_key = '" + key + "'");
                case 5 -> f.sql("UPDATE issues SET status = 'In Progress', updated_at = CURRENT_TIMESTAMP WHERE issue_key = '" + key
                        + "' AND status = 'To Do'");
                case 7 -> {
                    if (deleted.size() < 8) {
                        f.sql("DELETE FROM issues WHERE issue_key = '" + key + "'");
                        deleted.add(key);
                    }
                }
                default -> { }
            }
        }
        int created = 6;
        for (int i = 0; i < created; i++) {
            f.sql("INSERT INTO issues (issue_key, summary, status, issue_type, priority, created_at, updated_at) VALUES ('PAY-" + (90_000 + i)
                    + "', 'Created locally " + i + "', 'To Do', 'Task', 'Low', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        return new Changes(created, deleted, f.sim.issueCount());
    }

    private static void awaitStart(SyncFixture f, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (f.count("SELECT count(*) FROM sync_history") < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A clean run finishes what the killed one left; then both sides agree entity by entity. */
    private static void check(SyncFixture f, Changes changes) throws IOException {
        SyncSummary clean = f.run();
        assertThat(clean.outcome()).as(clean.error()).isEqualTo(Outcome.COMPLETED);

        assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'in_progress'")).isZero();
        assertThat(f.count("SELECT count(*) FROM sync_history WHERE status = 'in_progress'")).isZero();
        long interrupted = f.count("SELECT count(*) FROM sync_history WHERE error_message LIKE 'Interrupted:%'");
        long killedRuns = f.count("SELECT count(*) FROM sync_history") - f.count("SELECT count(*) FROM sync_history WHERE status = 'completed'");
        assertThat(interrupted).isEqualTo(killedRuns);
        assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'failed'")).isZero();
        assertThat(f.count("SELECT count(*) FROM conflict_resolutions")).as("the changes were disjoint").isZero();

        assertThat(f.sim.issueCount()).as("nothing created or deleted twice")
                .isEqualTo(changes.jiraIssuesBefore() - changes.deletedLocally().size() + changes.created());
        for (String key : changes.deletedLocally()) {
            assertThat(f.sim.issue(key)).as(key).isNull();
        }
        for (int i = 0; i < changes.created(); i++) {
            String summary = "Created locally " + i;
            List<String> inJira = f.sim.issueKeys().stream().filter(key -> summary.equals(f.sim.issue(key).summary())).toList();
            assertThat(inJira).as(summary).hasSize(1);
            assertThat(f.row("SELECT issue_key FROM issues WHERE summary = '" + summary + "'")).isEqualTo(inJira.getFirst());
        }
        assertThat(f.count("SELECT count(*) FROM issues")).isEqualTo(f.sim.issueCount());
        for (String key : f.sim.issueKeys()) {
            assertThat(f.localIssue(key)).as(key).isEqualTo(f.jiraIssue(key));
        }
        assertThat(f.countDrift()).isZero();

        SyncSummary full = f.full();
        assertThat(full.counts().pulled() + full.counts().pushed() + full.counts().created() + full.counts().deleted())
                .as("a full run finds nothing left to do").isZero();
    }
}
