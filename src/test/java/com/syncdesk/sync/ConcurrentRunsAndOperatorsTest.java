package com.syncdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.sync.SyncSummary.Outcome;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;

/** One run at a time, a second refused naming the first; operators acting during a run are never overwritten; cancelling. */
class ConcurrentRunsAndOperatorsTest {

    @TempDir
    Path tempDir;

    private static void editLocally(SyncFixture f, String key, String assignments) {
        f.sql("UPDATE issues SET " + assignments + ", updated_at = CURRENT_TIMESTAMP WHERE issue_key = '" + key + "'");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aSecondRunIsRefusedNamingTheHostProcessAndStartOfTheFirst(Vendor vendor) throws Exception {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            f.sim.when("POST", "/rest/api/3/search/jql").nth(1).before(() -> {
                inside.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<SyncSummary> first = CompletableFuture.supplyAsync(f::run);
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

            DatabaseException refused = catchThrowableOfType(DatabaseException.class, f::run);
            DatabaseException dryRefused = catchThrowableOfType(DatabaseException.class,
                    () -> f.run(SyncRequest.incremental("bob").asDryRun(), SyncListener.NONE));

            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(refused.reason()).isEqualTo(DatabaseException.Reason.SYNC_IN_PROGRESS);
            assertThat(refused.getMessage()).contains("Another sync run").contains("(process " + ProcessHandle.current().pid() + ") since ");
            assertThat(dryRefused.reason()).isEqualTo(DatabaseException.Reason.SYNC_IN_PROGRESS);
            assertThat(f.count("SELECT count(*) FROM sync_history")).isEqualTo(1);
            assertThat(f.run().outcome()).as("the lock is free again").isEqualTo(Outcome.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void operatorsRetryingSkippingAndResolvingDuringARunAreNeverOverwritten(Vendor vendor) throws Exception {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 300)) {
            f.run();
            // Y: parked, retried by an operator while the run reads JIRA.
            editLocally(f, "PAY-22", "summary = 'Y local'");
            long y = f.stateId("PAY-22");
            f.sql("UPDATE sync_metadata SET sync_status = 'failed', error_count = 5, parked_at = CURRENT_TIMESTAMP, failure_kind = 'server', "
                    + "last_error = 'Parked after 5 failed attempts in a row: HTTP 503' WHERE id = " + y);
            // Z: in conflict, resolved with the local value while the run reads JIRA.
            f.sim.renameAsAnotherUser("PAY-23", "Z JIRA");
            editLocally(f, "PAY-23", "summary = 'Z local'");
            // W: a conflict on the summary and a pushed priority; resolved while its push is on the wire.
            f.sim.renameAsAnotherUser("PAY-24", "W JIRA");
            editLocally(f, "PAY-24", "summary = 'W local', priority = 'Lowest'");
            f.run();
            long z = f.stateId("PAY-23");
            long w = f.stateId("PAY-24");
            long x = f.stateId("PAY-21");
            assertThat(f.row("SELECT sync_status FROM sync_metadata WHERE id = " + z)).isEqualTo("pending");
            assertThat(f.row("SELECT sync_status FROM sync_metadata WHERE id = " + w)).isEqualTo("pending");
            assertThat(f.sim.issue("PAY-24").priority()).isEqualTo("Lowest");
            // X: failed, due for a retry, and skipped by an operator while the run reads JIRA.
            String jiraX = f.sim.issue("PAY-21").summary();
            editLocally(f, "PAY-21", "summary = 'X local'");
            f.sql("UPDATE sync_metadata SET sync_status = 'failed', error_count = 1, failure_kind = 'network', last_error = 'Read timed out', "
                    + "next_attempt_at = '2000-01-01 00:00:00" + (vendor == Vendor.SQLITE ? ".000000" : "+00") + "' WHERE id = " + x);

            AtomicReference<Throwable> operatorFailed = new AtomicReference<>();
            f.sim.when("POST", "/rest/api/3/search/jql").nth(1).before(() -> {
                try {
                    f.workspace.syncStates().apply(StateAction.SKIP, new Selection.Ids(Set.of(x)), "ana");
                    f.workspace.syncStates().apply(StateAction.RETRY, new Selection.Ids(Set.of(y)), "ana");
                    f.workspace.conflicts().resolve(z, f.workspace.conflicts().detail(z).state().rowVersion(),
                            Map.of("summary", FieldChoice.local()), "decided during the run", "ana");
                } catch (RuntimeException e) {
                    operatorFailed.set(e);
                }
            });
            SyncSummary during = f.run();

            assertThat(operatorFailed.get()).isNull();
            assertThat(during.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(f.row("SELECT sync_status FROM sync_metadata WHERE id = " + x)).isEqualTo("skipped");
            assertThat(f.sim.issue("PAY-21").summary()).isEqualTo(jiraX);
            assertThat(f.row("SELECT sync_status, parked_at FROM sync_metadata WHERE id = " + y)).isEqualTo("completed|null");
            assertThat(f.sim.issue("PAY-22").summary()).isEqualTo("Y local");
            assertThat(f.sim.issue("PAY-23").summary()).isEqualTo("Z local");
            assertThat(f.count("SELECT count(*) FROM conflict_resolutions WHERE sync_metadata_id = " + z)).isEqualTo(1);
            assertThat(f.row("SELECT resolved_by IS NOT NULL, resolution_notes FROM conflict_resolutions WHERE sync_metadata_id = " + z))
                    .endsWith("|decided during the run");
            assertThat(f.countDrift()).isZero();

            // W: resolved while the run's push of another of its fields is on the wire.
            editLocally(f, "PAY-24", "priority = 'High'");
            f.sql("UPDATE sync_metadata SET conflicts = NULL WHERE id = " + w);
            f.sql("DELETE FROM conflict_resolutions WHERE sync_metadata_id = " + w);
            f.sim.renameAsAnotherUser("PAY-24", "W JIRA again");
            f.sim.when("PUT", "/rest/api/3/issue/PAY-24").nth(1).before(() -> {
                try {
                    f.workspace.conflicts().resolve(w, f.workspace.conflicts().detail(w).state().rowVersion(),
                            Map.of("summary", FieldChoice.local()), null, "ana");
                } catch (RuntimeException e) {
                    operatorFailed.set(e);
                }
            });
            f.run();
            assertThat(operatorFailed.get()).isNull();
            assertThat(f.sim.issue("PAY-24").priority()).isEqualTo("High");
            assertThat(f.row("SELECT sync_status, conflicts, sync_direction FROM sync_metadata WHERE id = " + w))
                    .as("the run's own end of the push does not overwrite the resolution").isEqualTo("pending|null|local_to_remote");
            f.run();
            assertThat(f.sim.issue("PAY-24").summary()).isEqualTo("W local");
            assertThat(f.row("SELECT sync_status FROM sync_metadata WHERE id = " + w)).isEqualTo("completed");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void cancellingStopsAfterTheCurrentPageAndLeavesEverythingConsistent(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 1_000)) {
            SyncCancellation cancel = new SyncCancellation();
            f.sim.when("POST", "/rest/api/3/search/jql").nth(3).after(cancel::cancel);
            SyncSummary cancelled = f.engine().run(SyncRequest.incremental("tester"), SyncListener.NONE, cancel);

            assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLED);
            long issues = f.count("SELECT count(*) FROM issues");
            assertThat(issues).isPositive().isLessThan(f.sim.issueCount());
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE entity_type = 'issue'")).isEqualTo(issues);
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'in_progress'")).isZero();
            assertThat(f.row("SELECT status, error_message FROM sync_history")).startsWith("failed|Cancelled after");

            SyncSummary next = f.run();
            assertThat(next.mode()).as("a cancelled run is not a base for incremental runs").isEqualTo(SyncMode.FULL);
            assertThat(f.count("SELECT count(*) FROM issues")).isEqualTo(f.sim.issueCount());
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDryRunSaysWhatItWouldDoAndChangesNothingOnEitherSide(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sim.renameAsAnotherUser("PAY-2", "Pulled?");
            editLocally(f, "PAY-3", "summary = 'Pushed?'");
            f.sim.renameAsAnotherUser("PAY-4", "JIRA side");
            editLocally(f, "PAY-4", "summary = 'Local side'");
            String before = String.join("\n", f.rows("SELECT id, row_version, sync_status FROM sync_metadata ORDER BY id"));
            String jiraBefore = f.jiraIssue("PAY-3");
            java.util.List<PlannedChange> planned = new java.util.concurrent.CopyOnWriteArrayList<>();

            SyncSummary dry = f.run(SyncRequest.incremental("tester").asDryRun(), new SyncListener() {
                @Override
                public void planned(PlannedChange change) {
                    planned.add(change);
                }
            });

            assertThat(dry.dryRun()).isTrue();
            assertThat(planned).extracting(PlannedChange::entity, PlannedChange::change).contains(
                    org.assertj.core.groups.Tuple.tuple("PAY-2", "pull summary"), org.assertj.core.groups.Tuple.tuple("PAY-3", "push summary"),
                    org.assertj.core.groups.Tuple.tuple("PAY-4", "conflict on summary"));
            assertThat(String.join("\n", f.rows("SELECT id, row_version, sync_status FROM sync_metadata ORDER BY id"))).isEqualTo(before);
            assertThat(f.jiraIssue("PAY-3")).isEqualTo(jiraBefore);
            assertThat(f.localIssue("PAY-2")).doesNotStartWith("Pulled?");
            assertThat(f.count("SELECT count(*) FROM sync_history")).isEqualTo(1);
            assertThat(f.count("SELECT count(*) FROM conflict_resolutions")).isZero();
            assertThat(f.sim.requestCount("PUT", ".*")).isZero();
        }
    }
}
