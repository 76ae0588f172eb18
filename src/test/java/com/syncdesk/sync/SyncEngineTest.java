package com.syncdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Vendor;
import com.syncdesk.sync.SyncSummary.Outcome;

/** Full and incremental runs against the simulator: what each fills, reads, pulls and pushes, and what they cost in calls. */
class SyncEngineTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aFirstRunFillsAnEmptyDatabaseWithEveryEntityInScopeAndTheirSnapshots(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 600)) {
            SyncSummary summary = f.run();

            assertThat(summary.outcome()).as(summary.error()).isEqualTo(Outcome.COMPLETED);
            assertThat(summary.mode()).isEqualTo(SyncMode.FULL);
            int issues = f.sim.issueCount();
            assertThat(f.count("SELECT count(*) FROM issues")).isEqualTo(issues);
            assertThat(f.count("SELECT count(*) FROM sprints")).isEqualTo(f.sim.sprintCount());
            assertThat(f.count("SELECT count(*) FROM boards")).isEqualTo(f.sim.boardIds().size());
            assertThat(f.count("SELECT count(*) FROM projects")).isEqualTo(f.sim.projectKeys().size());
            long entities = issues + f.sim.sprintCount() + f.sim.boardIds().size() + f.sim.projectKeys().size();
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'completed'")).isEqualTo(entities);
            assertThat(f.count("SELECT count(*) FROM sync_snapshots")).isEqualTo(entities);
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE content_hash IS NULL OR last_successful_sync IS NULL")).isZero();
            for (String key : List.of("PAY-1", "PAY-7", "MOB-3")) {
                assertThat(f.localIssue(key)).isEqualTo(f.jiraIssue(key));
            }
            assertThat(summary.counts().created()).isEqualTo((int) entities);
            // Each entity carries its part of its page's search: the dashboard's sums are the run's.
            assertThat(f.count("SELECT sum(api_calls_count) FROM sync_metadata")).isEqualTo(summary.apiCalls());
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE api_calls_count > 0")).isGreaterThan(0);
            assertThat(f.count("SELECT sum(sync_duration_ms) FROM sync_metadata")).isBetween(1L, summary.duration().toMillis());
            assertThat(f.row("SELECT operation_type, status, entities_created, api_calls_made > 0 FROM sync_history"))
                    .isEqualTo("full_sync|completed|" + entities + "|" + (vendor == Vendor.SQLITE ? "1" : "t"));
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aRunWithNothingChangedSearchesOncePerBoardAndWritesNothing(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 400)) {
            f.run();
            String states = String.join("\n", f.rows("SELECT id, row_version, content_hash FROM sync_metadata ORDER BY id"));

            SyncSummary second = f.run();

            assertThat(second.mode()).isEqualTo(SyncMode.INCREMENTAL);
            assertThat(second.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(second.searchCalls()).isEqualTo(f.sim.boardIds().size());
            assertThat(second.counts().pulled() + second.counts().pushed() + second.counts().created()).isZero();
            assertThat(String.join("\n", f.rows("SELECT id, row_version, content_hash FROM sync_metadata ORDER BY id"))).isEqualTo(states);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void whatJiraChangedIsPulledAndWhatChangedLocallyIsPushed(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 300)) {
            f.run();
            f.sim.editAsAnotherUser("PAY-2", issue -> {
                issue.setSummary("Changed in JIRA");
                issue.setStoryPoints(new BigDecimal("13"));
            });
            f.sql("UPDATE issues SET summary = 'Changed locally', priority = 'Highest', updated_at = CURRENT_TIMESTAMP WHERE issue_key = 'PAY-3'");

            SyncSummary summary = f.run();

            assertThat(summary.outcome()).as(summary.error()).isEqualTo(Outcome.COMPLETED);
            assertThat(f.localIssue("PAY-2")).startsWith("Changed in JIRA|").contains("|13|");
            assertThat(f.sim.issue("PAY-3").summary()).isEqualTo("Changed locally");
            assertThat(f.sim.issue("PAY-3").priority()).isEqualTo("Highest");
            assertThat(summary.counts().pulled()).isEqualTo(1);
            assertThat(summary.counts().pushed()).isEqualTo(1);
            assertThat(f.stateOf("PAY-3")).isEqualTo("completed|0|null");
            // The push, and PAY-3's part of its page's search.
            assertThat(Integer.parseInt(f.row("SELECT api_calls_count FROM sync_metadata WHERE id = " + f.stateId("PAY-3")))).isGreaterThanOrEqualTo(1);

            SyncSummary third = f.run();
            assertThat(third.counts().pulled() + third.counts().pushed()).isZero();
            assertThat(f.localIssue("PAY-3")).isEqualTo(f.jiraIssue("PAY-3"));
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void syncingChosenStatesNowReadsOnlyThemAndFailedOnesWithoutWaitingAndIsNoBaseForTheNextRun(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 300)) {
            f.run();
            String lastRunBase = f.row("SELECT max(created_at) FROM sync_history WHERE batch_id LIKE 'sync-%'");
            f.sim.editAsAnotherUser("PAY-2", issue -> issue.setSummary("Changed in JIRA"));
            f.sim.editAsAnotherUser("PAY-4", issue -> issue.setSummary("Also changed in JIRA"));
            // PAY-3 failed a moment ago and would wait an hour for its next attempt.
            f.sql("UPDATE sync_metadata SET sync_status = 'failed', error_count = 1, failure_kind = 'server', last_error = 'JIRA answered 503', "
                    + "next_attempt_at = " + (vendor == Vendor.SQLITE ? "'2999-01-01 00:00:00.000000'" : "TIMESTAMP '2999-01-01 00:00:00'")
                    + " WHERE id = " + f.stateId("PAY-3"));
            long searches = f.sim.requestCount("POST", "/rest/api/3/search/jql");

            SyncSummary now = f.run(SyncRequest.entities(List.of(f.stateId("PAY-2"), f.stateId("PAY-3")), "tester"), SyncListener.NONE);

            assertThat(now.outcome()).as(now.error()).isEqualTo(Outcome.COMPLETED);
            assertThat(now.batchId()).startsWith("entities-");
            assertThat(now.counts().processed()).isEqualTo(2);
            assertThat(f.sim.requestCount("POST", "/rest/api/3/search/jql") - searches).as("one search by id for both").isEqualTo(1);
            assertThat(f.localIssue("PAY-2")).startsWith("Changed in JIRA|");
            assertThat(f.localIssue("PAY-4")).as("not chosen").doesNotStartWith("Also changed in JIRA");
            assertThat(f.stateOf("PAY-3")).isEqualTo("completed|0|null");
            assertThat(f.row("SELECT max(created_at) FROM sync_history WHERE batch_id LIKE 'sync-%'")).isEqualTo(lastRunBase);

            SyncSummary next = f.run();
            assertThat(next.mode()).isEqualTo(SyncMode.INCREMENTAL);
            assertThat(f.localIssue("PAY-4")).startsWith("Also changed in JIRA|");
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anIssueADeadRunCreatedInJiraIsLinkedToItsLocalRowNotCopiedBesideIt(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            // As a run killed between JIRA's answer to the create and its own record of it leaves things.
            f.sql("INSERT INTO issues (issue_key, summary, status, issue_type, priority, created_at, updated_at) "
                    + "VALUES ('PAY-90000', 'Created locally', 'To Do', 'Task', 'Low', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            String localId = f.row("SELECT id FROM issues WHERE issue_key = 'PAY-90000'");
            f.sql("INSERT INTO sync_metadata (entity_type, entity_id, jira_id, sync_status, created_at, updated_at) VALUES ('issue', '"
                    + localId + "', 'pending:dead-run-origin', 'pending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            String key = f.client.createIssue("PAY", com.syncdesk.jira.IssueUpdate.create().summary("Created locally").issueType("Task"),
                    "dead-run-origin").key();
            int inJira = f.sim.issueCount();

            SyncSummary next = f.run();

            assertThat(next.outcome()).as(next.error()).isEqualTo(Outcome.COMPLETED);
            assertThat(f.sim.issueCount()).as("not created again").isEqualTo(inJira);
            assertThat(f.rows("SELECT issue_key FROM issues WHERE summary = 'Created locally'")).containsExactly(key);
            assertThat(f.count("SELECT count(*) FROM issues")).isEqualTo(inJira);
            assertThat(f.countDrift()).isZero();
        }
    }
}
