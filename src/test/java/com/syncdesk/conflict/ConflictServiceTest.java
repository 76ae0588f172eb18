package com.syncdesk.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.syncstate.SyncStateService;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestWorkspaces;

class ConflictServiceTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;
    private Vendor vendor;

    private ConflictService open(Vendor vendor) {
        this.vendor = vendor;
        workspace = TestWorkspaces.open(vendor, tempDir);
        StateRows.execute(workspace.database(), "INSERT INTO sprints (id, jira_sprint_id, name, state, start_date, end_date) VALUES "
                + "(1, 501, 'PAY Sprint 1', 'active', '2026-01-05 09:00:00+00', '2026-01-19 17:00:00+00')");
        for (int i = 1; i <= 3; i++) {
            StateRows.execute(workspace.database(), "INSERT INTO issues (id, issue_key, summary, status, assignee, story_points, sprint_id) "
                    + "VALUES (" + i + ", 'PAY-" + i + "', 'Local summary " + i + "', 'To Do', 'Ana', 3, 1)");
        }
        return workspace.conflicts();
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private SyncState issueWithThreeConflicts(long issueId) {
        SyncStateService states = workspace.syncStates();
        SyncState state = states.createSyncState(EntityType.ISSUE, String.valueOf(issueId), "PAY-" + issueId);
        return workspace.conflicts().record(state, List.of(
                new FieldConflict("summary", TextNode.valueOf("Local summary " + issueId), TextNode.valueOf("JIRA summary " + issueId),
                        TextNode.valueOf("Original summary")),
                new FieldConflict("story_points", IntNode.valueOf(3), IntNode.valueOf(8), IntNode.valueOf(2)),
                new FieldConflict("assignee", TextNode.valueOf("Ana"), TextNode.valueOf("Ben"), null)));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void resolvingFieldByFieldWritesTheChosenValuesClosesTheConflictsAndQueuesThePush(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState state = issueWithThreeConflicts(1);
        ConflictDetail detail = conflicts.detail(state.getId());
        assertThat(detail.label()).isEqualTo("PAY-1");
        assertThat(detail.fields()).extracting(ConflictField::name).containsExactly("summary", "story_points", "assignee");
        assertThat(detail.fields().getFirst().base()).isEqualTo(TextNode.valueOf("Original summary"));
        assertThat(detail.entityRow()).containsEntry("summary", "Local summary 1");

        ResolutionResult result = conflicts.resolve(state.getId(), detail.state().rowVersion(), Map.of(
                "summary", FieldChoice.remote(),
                "story_points", FieldChoice.local(),
                "assignee", FieldChoice.custom(TextNode.valueOf("Chloé"))), "agreed with the PO", "alice");

        assertThat(result.strategy()).isEqualTo(ResolutionStrategy.MANUAL);
        assertThat(result.direction()).isEqualTo(SyncDirection.LOCAL_TO_REMOTE);
        assertThat(row("SELECT summary, CAST(story_points * 100 AS INTEGER), assignee FROM issues WHERE id = 1"))
                .isEqualTo("JIRA summary 1|300|Chloé");
        assertThat(row("SELECT count(*), min(resolution_notes), min(o.username) FROM conflict_resolutions c JOIN operators o ON o.id = c.resolved_by "
                + "WHERE c.is_resolved = " + bool(true) + " AND c.resolved_at IS NOT NULL")).isEqualTo("3|agreed with the PO|alice");
        assertThat(row("SELECT resolved_value FROM conflict_resolutions WHERE field_name = 'assignee'")).isEqualTo("\"Chloé\"");
        assertThat(row("SELECT sync_status, sync_direction, resolution_strategy, CASE WHEN conflicts IS NULL THEN 'none' ELSE 'some' END FROM sync_metadata WHERE id = " + state.getId()))
                .isEqualTo("pending|local_to_remote|manual|none");
        assertThat(row("SELECT operator, action, entity_type, entity_id FROM audit_log")).isEqualTo("alice|resolve_conflict|issue|1");
        assertThat(conflicts.openConflicts(ConflictFilter.all(), PageRequest.first(10)).total()).isZero();
        assertThat(conflicts.recentlyResolved(PageRequest.first(10)).items()).hasSize(3)
                .allSatisfy(r -> assertThat(r.resolvedBy()).isEqualTo("alice"));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void takingJiraForEveryFieldRecordsJiraWinsAndLeavesTheDirection(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState state = issueWithThreeConflicts(2);
        ResolutionResult result = conflicts.resolve(state.getId(), state.getRowVersion(), Map.of("summary", FieldChoice.remote(),
                "story_points", FieldChoice.remote(), "assignee", FieldChoice.remote()), null, "bob");
        assertThat(result.strategy()).isEqualTo(ResolutionStrategy.JIRA_WINS);
        assertThat(row("SELECT summary, CAST(story_points * 100 AS INTEGER), assignee FROM issues WHERE id = 2")).isEqualTo("JIRA summary 2|800|Ben");
        assertThat(row("SELECT sync_direction, resolution_strategy FROM sync_metadata WHERE id = " + state.getId()))
                .isEqualTo("bidirectional|jira_wins");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aCustomValueThatBreaksAColumnRuleIsRefusedOnItsFieldAndNothingIsWritten(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState state = issueWithThreeConflicts(3);
        String before = snapshot();
        assertThatThrownBy(() -> conflicts.resolve(state.getId(), state.getRowVersion(), Map.of("summary", FieldChoice.remote(),
                "story_points", FieldChoice.custom(DecimalNode.valueOf(new BigDecimal("-2"))), "assignee", FieldChoice.local()), null, "bob"))
                .isInstanceOf(InvalidValueException.class).hasMessage("Story points cannot be negative.")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("story_points");
        assertThatThrownBy(() -> conflicts.resolve(state.getId(), state.getRowVersion(), Map.of("summary", FieldChoice.custom(TextNode.valueOf("  ")),
                "story_points", FieldChoice.local(), "assignee", FieldChoice.custom(TextNode.valueOf("x".repeat(101)))), null, "bob"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> conflicts.resolve(state.getId(), state.getRowVersion(), Map.of("summary", FieldChoice.local()), null, "bob"))
                .hasMessageContaining("missing: assignee, story_points");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aSprintEndingBeforeItStartsIsRefusedByTheDatabaseAndNamedOnTheField(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState state = workspace.conflicts().record(workspace.syncStates().createSyncState(EntityType.SPRINT, "1", "501"),
                List.of(new FieldConflict("end_date", TextNode.valueOf("2026-01-19T17:00:00Z"), TextNode.valueOf("2026-01-26T17:00:00Z"), null)));
        String before = snapshot();
        assertThatThrownBy(() -> conflicts.resolve(state.getId(), state.getRowVersion(),
                Map.of("end_date", FieldChoice.custom(TextNode.valueOf("2025-12-24T10:00:00Z"))), null, "carol"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("cannot end before it starts")
                .extracting(e -> ((InvalidValueException) e).field()).as("the field the operator set, which the dialog can mark").isEqualTo("end_date");
        assertThat(snapshot()).isEqualTo(before);

        conflicts.resolve(state.getId(), state.getRowVersion(), Map.of("end_date", FieldChoice.remote()), null, "carol");
        assertThat(row("SELECT end_date FROM sprints WHERE id = 1")).startsWith("2026-01-26");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aChangeMadeBetweenReadingAndApplyingIsDetectedAndNothingIsLost(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState state = issueWithThreeConflicts(1);
        ConflictDetail seen = conflicts.detail(state.getId());
        workspace.syncStates().markFailed(workspace.syncStates().find(state.getId()).orElseThrow(), "worker touched it");
        String before = snapshot();

        assertThatThrownBy(() -> conflicts.resolve(state.getId(), seen.state().rowVersion(), Map.of("summary", FieldChoice.remote(),
                "story_points", FieldChoice.remote(), "assignee", FieldChoice.remote()), null, "bob"))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("changed by someone else");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDeletionInJiraTakenAsIsDeletesTheLocalRow(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState state = workspace.syncStates().createSyncState(EntityType.ISSUE, "2", "PAY-2");
        StateRows.execute(workspace.database(), "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, local_value, remote_value) "
                + "VALUES (" + state.getId() + ", 'deletion_conflict', '{\"summary\":\"Local summary 2\"}', NULL)");
        ConflictDetail detail = conflicts.detail(state.getId());
        assertThat(detail.fields()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("deletion_conflict");
            assertThat(f.isWholeEntity()).isTrue();
        });
        assertThatThrownBy(() -> conflicts.resolve(state.getId(), detail.state().rowVersion(),
                Map.of("deletion_conflict", FieldChoice.custom(TextNode.valueOf("x"))), null, "bob")).isInstanceOf(InvalidValueException.class);

        conflicts.resolve(state.getId(), detail.state().rowVersion(), Map.of("deletion_conflict", FieldChoice.remote()), "gone in JIRA", "bob");
        assertThat(row("SELECT count(*) FROM issues WHERE id = 2")).isEqualTo("0");
        assertThat(row("SELECT count(*) FROM issues")).isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void bulkResolveChangesExactlyTheMatchingConflicts(Vendor vendor) throws Exception {
        ConflictService conflicts = open(vendor);
        SyncState first = issueWithThreeConflicts(1);
        SyncState second = issueWithThreeConflicts(2);
        SyncState sprint = workspace.conflicts().record(workspace.syncStates().createSyncState(EntityType.SPRINT, "1", "501"),
                List.of(new FieldConflict("goal", TextNode.valueOf("Local goal"), TextNode.valueOf("JIRA goal"), null)));
        assertThat(conflicts.countOpen(ConflictFilter.all())).isEqualTo(7);
        assertThat(conflicts.openConflicts(new ConflictFilter(Set.of(EntityType.ISSUE), null), PageRequest.first(10)).items())
                .extracting(ConflictGroup::stateId, ConflictGroup::openFields)
                .containsExactly(Tuple.tuple(first.getId(), 3), Tuple.tuple(second.getId(), 3));

        ResolutionResult result = conflicts.resolveAll(new ConflictFilter(Set.of(EntityType.ISSUE), null),
                ResolutionStrategy.JIRA_WINS, "JIRA is the source of truth", "dmitri");

        assertThat(result.closedConflicts()).isEqualTo(6);
        assertThat(result.states()).isEqualTo(2);
        assertThat(row("SELECT summary, CAST(story_points * 100 AS INTEGER), assignee FROM issues WHERE id = 1")).isEqualTo("JIRA summary 1|800|Ben");
        assertThat(row("SELECT summary FROM issues WHERE id = 2")).isEqualTo("JIRA summary 2");
        assertThat(row("SELECT summary FROM issues WHERE id = 3")).isEqualTo("Local summary 3");
        assertThat(conflicts.countOpen(ConflictFilter.all())).isEqualTo(1);
        assertThat(row("SELECT goal FROM sprints WHERE id = 1")).isNull();
        assertThat(row("SELECT sync_status, resolution_strategy FROM sync_metadata WHERE id = " + sprint.getId())).isEqualTo("pending|manual");
        assertThat(row("SELECT count(*) FROM sync_metadata WHERE resolution_strategy = 'jira_wins' AND sync_status = 'pending'")).isEqualTo("2");
        assertThat(row("SELECT count(*) FROM audit_log WHERE action = 'resolve_all'")).isEqualTo("1");

        ResolutionResult local = conflicts.resolveAll(ConflictFilter.all(), ResolutionStrategy.LOCAL_WINS, null, "dmitri");
        assertThat(local.closedConflicts()).isEqualTo(1);
        assertThat(row("SELECT sync_direction, resolution_strategy FROM sync_metadata WHERE id = " + sprint.getId())).isEqualTo("local_to_remote|local_wins");
    }

    private String bool(boolean value) {
        return vendor == Vendor.SQLITE ? (value ? "1" : "0") : String.valueOf(value);
    }

    private String row(String sql) {
        return workspace.database().read(connection -> {
            try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                if (!rs.next()) {
                    return null;
                }
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    text.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                return rs.getMetaData().getColumnCount() == 1 && rs.getString(1) == null ? null : text.toString();
            }
        });
    }

    private String snapshot() {
        return workspace.database().read(connection -> {
            StringBuilder all = new StringBuilder();
            for (String table : List.of("issues", "sprints", "sync_metadata", "conflict_resolutions", "audit_log")) {
                all.append(String.join("\n", TableDump.rows(connection, "SELECT * FROM " + table + " ORDER BY id")));
            }
            return all.toString();
        });
    }
}
