package com.syncdesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.story.StoryEntry.Kind;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

class StoryServiceTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aStatesStoryTellsItsAttemptsConflictsResolutionsActionsAndBatchRunsNewestFirst(Vendor vendor) throws Exception {
        workspace = TestWorkspaces.open(vendor, tempDir);
        StateRows.execute(workspace.database(), "INSERT INTO sprints (id, jira_sprint_id, name, state, start_date, end_date) VALUES "
                + "(4, 504, 'MOB Sprint 4', 'active', '2026-01-05 09:00:00+00', '2026-01-19 17:00:00+00')");
        var states = workspace.syncStates();
        SyncState sprint = states.markInProgress(states.createSyncState(EntityType.SPRINT, "4", "504"), "batch-7");
        sprint = states.markFailed(sprint, "HTTP 429 Too Many Requests");
        SyncState other = states.createSyncState(EntityType.SPRINT, "5", "505");
        StateRows.execute(workspace.database(), "INSERT INTO sync_history (operation_type, entity_type, batch_id, entities_processed, "
                + "status, created_at) VALUES ('incremental_sync', 'sprint', 'batch-7', 12, 'failed', '2026-01-02 08:00:00+00'), "
                + "('full_sync', 'sprint', 'batch-8', 99, 'completed', '2026-01-03 08:00:00+00')");
        states.apply(StateAction.RETRY, Selection.ids(List.of(sprint.getId(), other.getId())), "alice");
        states.apply(StateAction.SKIP, Selection.matching(SyncStateFilter.all()), "bob");
        sprint = states.find(sprint.getId()).orElseThrow();
        sprint = workspace.conflicts().record(sprint, List.of(new FieldConflict("end_date", TextNode.valueOf("2026-01-19T17:00:00Z"),
                TextNode.valueOf("2026-01-26T17:00:00Z"), null)));
        workspace.conflicts().resolve(sprint.getId(), sprint.getRowVersion(), Map.of("end_date", FieldChoice.remote()), "PO moved it", "carol");

        EntityStory story = workspace.stories().story(sprint.getId(), instant -> "<" + instant + ">");

        assertThat(story.state().label()).isEqualTo("MOB Sprint 4");
        List<StoryEntry> entries = story.entries();
        assertThat(entries).extracting(StoryEntry::kind).contains(Kind.CREATED, Kind.FAILURE, Kind.CONFLICT, Kind.RESOLUTION, Kind.ACTION, Kind.RUN);
        assertThat(entries).extracting(StoryEntry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(entries).filteredOn(e -> e.kind() == Kind.FAILURE).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo("Sync failed");
            assertThat(e.detail()).isEqualTo("HTTP 429 Too Many Requests");
            assertThat(e.who()).isEqualTo("batch batch-7");
        });
        assertThat(entries).filteredOn(e -> e.kind() == Kind.CONFLICT).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo("Conflict on end date");
            assertThat(e.detail()).isEqualTo("SyncDesk: <2026-01-19T17:00:00Z> · JIRA: <2026-01-26T17:00:00Z>");
        });
        assertThat(entries).filteredOn(e -> e.kind() == Kind.RESOLUTION).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo("Conflict on end date resolved: JIRA wins");
            assertThat(e.who()).isEqualTo("carol");
            assertThat(e.detail()).isEqualTo("Value: <2026-01-26T17:00:00Z> · Notes: PO moved it");
        });
        // The retry names the state among its ids and the resolution names the sprint; bob's unfiltered skip names neither.
        assertThat(entries).filteredOn(e -> e.kind() == Kind.ACTION).extracting(StoryEntry::what, StoryEntry::who).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Resolve conflict (audit log)", "carol"),
                org.assertj.core.groups.Tuple.tuple("Retry (audit log)", "alice"));
        assertThat(entries).filteredOn(e -> e.kind() == Kind.RUN).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo("incremental sync run of batch batch-7: failed");
            assertThat(e.detail()).isEqualTo("12 entities processed");
        });
        assertThat(entries.getLast().kind()).isEqualTo(Kind.RUN);
    }
}
