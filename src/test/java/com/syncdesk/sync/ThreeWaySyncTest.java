package com.syncdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.conflict.ConflictDetail;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.sync.SyncSummary.Outcome;
import com.syncdesk.syncstate.ResolutionStrategy;

/**
 * Every branch of the three-way table through real runs against the simulator: fields, deletions and creations,
 * each strategy, and an operator's resolution pushed by the next run.
 */
class ThreeWaySyncTest {

    @TempDir
    Path tempDir;

    private static void editLocally(SyncFixture f, String key, String assignments) {
        f.sql("UPDATE issues SET " + assignments + ", updated_at = CURRENT_TIMESTAMP WHERE issue_key = '" + key + "'");
    }

    private static String open(SyncFixture f) {
        return f.row("SELECT count(*) FROM conflict_resolutions WHERE is_resolved = " + (f.database.vendor() == Vendor.SQLITE ? "0" : "false"));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void bothChangedDifferentlyOpensOneConflictWithTheThreeValuesAndLaterRunsLeaveIt(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            String base = f.sim.issue("PAY-4").summary();
            f.sim.renameAsAnotherUser("PAY-4", "JIRA's summary");
            editLocally(f, "PAY-4", "summary = 'Local summary'");

            SyncSummary summary = f.run();

            assertThat(summary.counts().conflictsOpened()).isEqualTo(1);
            assertThat(f.row("SELECT c.conflict_type, c.field_name, c.base_value, c.local_value, c.remote_value, c.resolution_strategy "
                    + "FROM conflict_resolutions c WHERE c.sync_metadata_id = " + f.stateId("PAY-4")))
                    .isEqualTo("field_conflict|summary|\"" + base + "\"|\"Local summary\"|\"JIRA's summary\"|manual");
            assertThat(f.row("SELECT sync_status, resolution_strategy FROM sync_metadata WHERE id = " + f.stateId("PAY-4"))).isEqualTo("pending|manual");
            assertThat(f.workspace.syncStates().find(f.stateId("PAY-4")).orElseThrow().getConflicts().fields())
                    .singleElement().satisfies(c -> assertThat(c.field()).isEqualTo("summary"));

            f.sim.renameAsAnotherUser("PAY-4", "JIRA again");
            f.run();
            f.full();
            assertThat(open(f)).isEqualTo("1");
            assertThat(f.localIssue("PAY-4")).startsWith("Local summary|");
            assertThat(f.sim.issue("PAY-4").summary()).isEqualTo("JIRA again");
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aConflictResolvedWithTheLocalValueIsPushedByTheNextRunAndStaysClosed(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sim.renameAsAnotherUser("PAY-5", "JIRA's");
            editLocally(f, "PAY-5", "summary = 'Mine'");
            f.run();
            long state = f.stateId("PAY-5");
            ConflictDetail detail = f.workspace.conflicts().detail(state);
            f.workspace.conflicts().resolve(state, detail.state().rowVersion(), Map.of("summary", FieldChoice.local()), null, "ana");

            SyncSummary summary = f.run();

            assertThat(summary.counts().pushed()).isEqualTo(1);
            assertThat(summary.counts().conflictsDetected()).isZero();
            assertThat(f.sim.issue("PAY-5").summary()).isEqualTo("Mine");
            assertThat(open(f)).isEqualTo("0");
            assertThat(f.stateOf("PAY-5")).isEqualTo("completed|0|null");
            assertThat(f.row("SELECT sync_direction FROM sync_metadata WHERE id = " + state)).isEqualTo("bidirectional");
            assertThat(f.run().counts().pushed()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aConflictResolvedWithJirasValueIsKeptWithoutAPushAndACustomValueIsPushed(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            for (String key : new String[] {"PAY-6", "PAY-8"}) {
                f.sim.renameAsAnotherUser(key, "JIRA " + key);
                editLocally(f, key, "summary = 'Local " + key + "'");
            }
            f.run();
            long jira = f.stateId("PAY-6");
            long custom = f.stateId("PAY-8");
            f.workspace.conflicts().resolve(jira, f.workspace.conflicts().detail(jira).state().rowVersion(),
                    Map.of("summary", FieldChoice.remote()), null, "ana");
            f.workspace.conflicts().resolve(custom, f.workspace.conflicts().detail(custom).state().rowVersion(),
                    Map.of("summary", FieldChoice.custom(TextNode.valueOf("Both, merged"))), null, "ana");
            f.sim.resetStats();

            SyncSummary summary = f.run();

            assertThat(summary.counts().pushed()).isEqualTo(1);
            assertThat(f.localIssue("PAY-6")).startsWith("JIRA PAY-6|");
            assertThat(f.sim.issue("PAY-6").summary()).isEqualTo("JIRA PAY-6");
            assertThat(f.sim.issue("PAY-8").summary()).isEqualTo("Both, merged");
            assertThat(f.sim.requestCount("PUT", ".*/issue/PAY-6")).isZero();
            assertThat(open(f)).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void bothChangedToTheSameValueIsNoConflict(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sim.renameAsAnotherUser("PAY-9", "Same on both");
            editLocally(f, "PAY-9", "summary = 'Same on both'");
            SyncSummary summary = f.run();
            assertThat(summary.counts().conflictsDetected()).isZero();
            assertThat(summary.counts().pushed()).isZero();
            assertThat(f.row("SELECT fields FROM sync_snapshots WHERE sync_metadata_id = " + f.stateId("PAY-9"))).contains("Same on both");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void underJiraWinsTheConflictIsResolvedWithJirasValueAndRecordedAsSuch(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200).strategy(ResolutionStrategy.JIRA_WINS)) {
            f.run();
            f.sim.renameAsAnotherUser("PAY-10", "JIRA wins");
            editLocally(f, "PAY-10", "summary = 'Local loses'");
            SyncSummary summary = f.run();
            assertThat(summary.counts().conflictsResolved()).isEqualTo(1);
            assertThat(summary.counts().conflictsOpened()).isZero();
            assertThat(f.localIssue("PAY-10")).startsWith("JIRA wins|");
            assertThat(f.row("SELECT resolution_strategy, is_resolved, resolved_value, local_value FROM conflict_resolutions WHERE sync_metadata_id = "
                    + f.stateId("PAY-10"))).isEqualTo("jira_wins|" + (vendor == Vendor.SQLITE ? "1" : "t") + "|\"JIRA wins\"|\"Local loses\"");
            assertThat(f.row("SELECT resolution_strategy, sync_status FROM sync_metadata WHERE id = " + f.stateId("PAY-10"))).isEqualTo("jira_wins|completed");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void underLocalWinsTheLocalValueIsPushedAndRecorded(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200).strategy(ResolutionStrategy.LOCAL_WINS)) {
            f.run();
            f.sim.renameAsAnotherUser("PAY-11", "JIRA loses");
            editLocally(f, "PAY-11", "summary = 'Local wins'");
            SyncSummary summary = f.run();
            assertThat(summary.counts().conflictsResolved()).isEqualTo(1);
            assertThat(f.sim.issue("PAY-11").summary()).isEqualTo("Local wins");
            assertThat(f.row("SELECT resolution_strategy, resolved_value FROM conflict_resolutions WHERE sync_metadata_id = " + f.stateId("PAY-11")))
                    .isEqualTo("local_wins|\"Local wins\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void deletedInJiraAndUnchangedLocallyIsDeletedLocallyByAFullRun(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            long state = f.stateId("PAY-12");
            f.sim.deleteIssue("PAY-12");
            f.run();
            assertThat(f.count("SELECT count(*) FROM issues WHERE issue_key = 'PAY-12'")).as("an incremental run cannot see deletions").isEqualTo(1);
            SyncSummary full = f.full();
            assertThat(full.counts().deleted()).isEqualTo(1);
            assertThat(f.count("SELECT count(*) FROM issues WHERE issue_key = 'PAY-12'")).isZero();
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE id = " + state)).isZero();
            assertThat(f.count("SELECT count(*) FROM sync_snapshots WHERE sync_metadata_id = " + state)).isZero();
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void deletedInJiraAndChangedLocallyIsADeletionConflictThatJirasSideResolvesByDeleting(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sim.deleteIssue("PAY-13");
            editLocally(f, "PAY-13", "summary = 'Still wanted'");
            f.run();
            long state = f.stateId("PAY-13");
            assertThat(f.row("SELECT conflict_type, remote_value IS NULL FROM conflict_resolutions WHERE sync_metadata_id = " + state))
                    .isEqualTo("deletion_conflict|" + (vendor == Vendor.SQLITE ? "1" : "t"));
            assertThat(f.row("SELECT local_value FROM conflict_resolutions WHERE sync_metadata_id = " + state)).contains("Still wanted");

            f.workspace.conflicts().resolve(state, f.workspace.conflicts().detail(state).state().rowVersion(),
                    Map.of("deletion_conflict", FieldChoice.remote()), null, "ana");
            assertThat(f.count("SELECT count(*) FROM issues WHERE issue_key = 'PAY-13'")).isZero();
            f.full();
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE id = " + state)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDeletionConflictResolvedLocallyRecreatesTheIssueInJira(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sim.deleteIssue("PAY-14");
            editLocally(f, "PAY-14", "summary = 'Bring it back'");
            f.run();
            long state = f.stateId("PAY-14");
            f.workspace.conflicts().resolve(state, f.workspace.conflicts().detail(state).state().rowVersion(),
                    Map.of("deletion_conflict", FieldChoice.local()), null, "ana");
            int before = f.sim.issueCount();

            SyncSummary summary = f.run();

            assertThat(summary.counts().created()).isEqualTo(1);
            assertThat(f.sim.issueCount()).isEqualTo(before + 1);
            String key = f.row("SELECT i.issue_key FROM issues i JOIN sync_metadata s ON s.entity_id = CAST(i.id AS VARCHAR(100)) WHERE s.id = " + state);
            assertThat(f.sim.issue(key).summary()).isEqualTo("Bring it back");
            assertThat(f.row("SELECT jira_id FROM sync_metadata WHERE id = " + state)).isEqualTo(String.valueOf(f.sim.issue(key).id()));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void deletedLocallyAndUnchangedInJiraIsDeletedInJira(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sql("DELETE FROM issues WHERE issue_key = 'PAY-15'");
            SyncSummary summary = f.run();
            assertThat(summary.counts().deleted()).isEqualTo(1);
            assertThat(f.sim.issue("PAY-15")).isNull();
            assertThat(f.count("SELECT count(*) FROM sync_metadata s WHERE s.entity_type = 'issue' AND NOT EXISTS "
                    + "(SELECT 1 FROM issues i WHERE CAST(i.id AS VARCHAR(100)) = s.entity_id)")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void deletedLocallyAndChangedInJiraIsADeletionConflictAndJirasSideBringsItBack(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            long state = f.stateId("PAY-16");
            f.sql("DELETE FROM issues WHERE issue_key = 'PAY-16'");
            f.sim.renameAsAnotherUser("PAY-16", "Changed in JIRA meanwhile");
            f.run();
            assertThat(f.row("SELECT conflict_type, local_value IS NULL FROM conflict_resolutions WHERE sync_metadata_id = " + state))
                    .isEqualTo("deletion_conflict|" + (vendor == Vendor.SQLITE ? "1" : "t"));
            assertThat(f.sim.issue("PAY-16")).isNotNull();

            f.workspace.conflicts().resolve(state, f.workspace.conflicts().detail(state).state().rowVersion(),
                    Map.of("deletion_conflict", FieldChoice.remote()), null, "ana");
            f.run();
            assertThat(f.localIssue("PAY-16")).isEqualTo(f.jiraIssue("PAY-16"));
            assertThat(f.stateId("PAY-16")).isEqualTo(state);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aNewLocalIssueIsCreatedInJiraAndTakesJirasKey(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            f.sql("INSERT INTO issues (issue_key, summary, status, issue_type, priority, created_at, updated_at) "
                    + "VALUES ('PAY-9000', 'Made in SyncDesk', 'In Progress', 'Bug', 'High', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            int before = f.sim.issueCount();

            SyncSummary summary = f.run();

            assertThat(summary.counts().created()).isEqualTo(1);
            assertThat(f.sim.issueCount()).isEqualTo(before + 1);
            String key = f.row("SELECT issue_key FROM issues WHERE summary = 'Made in SyncDesk'");
            assertThat(key).isNotEqualTo("PAY-9000").startsWith("PAY-");
            assertThat(f.sim.issue(key).status()).isEqualTo("In Progress");
            assertThat(f.sim.issue(key).type()).isEqualTo("Bug");
            assertThat(f.stateOf(key)).isEqualTo("completed|0|null");
            assertThat(f.run().counts().created()).isZero();
            assertThat(f.sim.issueCount()).isEqualTo(before + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theSameKeyCreatedOnBothSidesIsACreationConflict(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            String key = f.sim.createIssueAsAnotherUser("PAY", "Made in JIRA", null);
            f.sql("INSERT INTO issues (issue_key, summary, status, created_at, updated_at) VALUES ('" + key + "', 'Made here', 'To Do', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            SyncSummary summary = f.run();
            assertThat(summary.outcome()).as(summary.error()).isEqualTo(Outcome.COMPLETED);
            assertThat(f.row("SELECT conflict_type FROM conflict_resolutions WHERE sync_metadata_id = " + f.stateId(key))).isEqualTo("creation_conflict");
            assertThat(f.localIssue(key)).startsWith("Made here|");
            assertThat(f.sim.issue(key).summary()).isEqualTo("Made in JIRA");
            assertThat(f.workspace.conflicts().countOpen(ConflictFilter.all())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aNewIssueInJiraIsCreatedLocallyByAnIncrementalRun(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            long sprint = f.sim.sprintsOf(1).getLast().id();
            String key = f.sim.createIssueAsAnotherUser("PAY", "Made in JIRA", sprint);
            SyncSummary summary = f.run();
            assertThat(summary.counts().created()).isEqualTo(1);
            assertThat(f.localIssue(key)).isEqualTo(f.jiraIssue(key));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void sprintsArePulledAndPushedAndABoardRenamedLocallyFailsInWords(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.run();
            long renamed = f.sim.sprintsOf(1).getFirst().id();
            long goal = f.sim.sprintsOf(1).getLast().id();
            f.sim.editSprintAsAnotherUser(renamed, sprint -> sprint.setName("Renamed in JIRA"));
            f.sql("UPDATE sprints SET goal = 'A goal set here', updated_at = CURRENT_TIMESTAMP WHERE jira_sprint_id = " + goal);
            f.sql("UPDATE boards SET name = 'Renamed here', updated_at = CURRENT_TIMESTAMP WHERE jira_board_id = 1");

            SyncSummary summary = f.run();

            assertThat(f.row("SELECT name FROM sprints WHERE jira_sprint_id = " + renamed)).isEqualTo("Renamed in JIRA");
            assertThat(f.sim.sprint(goal).goal()).isEqualTo("A goal set here");
            assertThat(summary.counts().failed()).isEqualTo(1);
            assertThat(f.row("SELECT s.sync_status, s.failure_kind, s.next_attempt_at IS NULL, s.last_error FROM sync_metadata s "
                    + "WHERE s.entity_type = 'board' AND s.jira_id = '1'"))
                    .startsWith("failed|validation|" + (vendor == Vendor.SQLITE ? "1" : "t") + "|The local change of name cannot go to JIRA");
            assertThat(f.sim.issue("PAY-1")).isNotNull();
        }
    }
}
