package com.syncdesk.adoption;

import static com.syncdesk.adoption.SprintReports.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictDetail;
import com.syncdesk.conflict.ConflictField;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.conflict.ResolvedConflict;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.DashboardCounts;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.TestWorkspaces;
import com.syncdesk.testing.Versions;

/** After adoption the whole of SyncDesk works on the database: figures, export, conflicts, operator actions, migrations. */
class AdoptedDatabaseTest {

    @TempDir
    Path tempDir;

    private ConnectionTarget adopted() {
        return SprintReports.adopted(tempDir);
    }

    @Test
    void statsCountTheOriginalsStatesFailuresAndOpenConflicts() {
        ConnectionTarget target = adopted();

        CliRun stats = CliRun.of(cli(target, "stats", "--json"));

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode statistics = Rows.json(stats.out()).get("statistics");
        assertThat(statistics.get("total").asLong()).isEqualTo(SprintReports.STATES);
        for (String status : List.of("pending", "in_progress", "completed", "failed", "skipped")) {
            assertThat(statistics.get("byStatus").get(status).asLong()).as(status).isEqualTo(82);
        }
        assertThat(statistics.get("byType").get("sprint").asLong()).isEqualTo(62);
        assertThat(statistics.get("byType").get("issue").asLong()).isEqualTo(340);
        assertThat(statistics.get("openConflicts").asLong()).isEqualTo(25);
        assertThat(statistics.get("topErrors").findValuesAsText("message")).contains("JIRA answered 429 Too Many Requests");
        try (Database database = Database.open(target)) {
            assertThat(database.read(DashboardCounts::drift)).isZero();
        }
    }

    @Test
    void exportReadsTheOriginalsTimestampsAndJson() throws Exception {
        ConnectionTarget target = adopted();

        Path json = tempDir.resolve("states.json");
        Path csv = tempDir.resolve("states.csv");
        Path withOpenConflicts = tempDir.resolve("open.json");
        CliRun export = CliRun.of(cli(target, "export", "--format", "json", "--out", json.toString()));
        assertThat(CliRun.of(cli(target, "export", "--format", "csv", "--out", csv.toString())).exitCode()).isZero();
        assertThat(CliRun.of(cli(target, "export", "--format", "json", "--has-conflicts", "--out", withOpenConflicts.toString())).exitCode()).isZero();

        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode states = Rows.json(Files.readString(json));
        assertThat(states).hasSize(SprintReports.STATES);
        JsonNode issue = StreamSupport.stream(states.spliterator(), false)
                .filter(s -> s.get("entity_id").asText().equals("jira:10009")).findFirst().orElseThrow();
        assertThat(issue.get("jira_id").asText()).isEqualTo("PROJ-9");
        assertThat(issue.get("created_at").asText()).matches("2026-10-0\\dT\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(issue.get("last_sync_attempt").asText()).matches("2026-1[12]-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        JsonNode withConflict = StreamSupport.stream(states.spliterator(), false)
                .filter(s -> s.get("conflicts").isArray()).findFirst().orElseThrow();
        assertThat(withConflict.get("conflicts")).hasSize(1);
        assertThat(withConflict.get("conflicts").get(0).get("field").asText()).isEqualTo("end_date");
        assertThat(Files.readString(csv).lines()).hasSize(SprintReports.STATES + 1);
        assertThat(Rows.json(Files.readString(withOpenConflicts))).hasSize(20);
    }

    @Test
    void conflictsListShowsWhatTheOriginalLeftUnresolvedAndWhoResolvedTheRest() {
        ConnectionTarget target = adopted();

        CliRun list = CliRun.of(cli(target, "conflicts", "list", "--limit", "100"));

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("20 entities with open conflicts (25 conflicting fields)").containsPattern("(?m)^ *\\d+ +sprint +1 +PROJ Sprint 1 +5001 +2 +name, goal$");
        try (Workspace workspace = TestWorkspaces.over(Database.open(target))) {
            List<ResolvedConflict> resolved = workspace.conflicts().recentlyResolved(PageRequest.first(200)).items();
            assertThat(resolved).hasSize(148);
            assertThat(resolved).filteredOn(r -> "bob".equals(r.resolvedBy())).singleElement().satisfies(merge -> {
                assertThat(merge.strategy()).isEqualTo("manual");
                assertThat(merge.notes()).isEqualTo("Combined both goals\nResolved by MERGE in sprint-reports; SyncDesk has no merge strategy "
                        + "and records it as manual.");
            });
            assertThat(resolved).filteredOn(r -> "alice".equals(r.resolvedBy())).hasSize(10).allSatisfy(r -> assertThat(r.strategy()).isEqualTo("local_wins"));
            assertThat(resolved).filteredOn(r -> "Auto-resolved: Remote wins policy".equals(r.notes())).hasSize(130)
                    .allSatisfy(r -> assertThat(r.strategy()).isEqualTo("jira_wins"));
        }
    }

    @Test
    void resolvingAnAdoptedSprintConflictWritesIntoTheLocalSprintTheJiraIdNamed() {
        ConnectionTarget target = adopted();
        try (Workspace workspace = TestWorkspaces.over(Database.open(target))) {
            SyncStateRow state = workspace.syncStates().page(SyncStateFilter.all().withText("5003"), SyncStateSort.DEFAULT, PageRequest.first(5))
                    .items().getFirst();
            ConflictDetail detail = workspace.conflicts().detail(state.id());
            assertThat(detail.fields()).extracting(ConflictField::name).containsExactly("name", "goal");
            Map<String, FieldChoice> choices = new LinkedHashMap<>();
            choices.put("name", FieldChoice.remote());
            choices.put("goal", FieldChoice.local());

            workspace.conflicts().resolve(state.id(), state.rowVersion(), choices, "after adoption", "ops");

            assertThat(Rows.of(target, "sprints").values()).filteredOn(s -> s.get("jira_sprint_id").equals("5003")).singleElement()
                    .satisfies(sprint -> {
                        assertThat(sprint.get("id")).isEqualTo(state.entityId());
                        assertThat(sprint.get("name")).isEqualTo("JIRA name " + state.id());
                        assertThat(sprint.get("goal")).isNull();
                    });
            assertThat(workspace.conflicts().countOpen(ConflictFilter.all())).isEqualTo(23);

            SyncStateRow issue = workspace.syncStates().page(SyncStateFilter.all().withText("jira:10009"), SyncStateSort.DEFAULT, PageRequest.first(5))
                    .items().getFirst();
            assertThatThrownBy(() -> workspace.conflicts().resolve(issue.id(), issue.rowVersion(),
                    Map.of("deletion_conflict", FieldChoice.remote()), null, "ops"))
                    .hasMessageContaining("points at entity id 'jira:10009', which is not a local row id");
        }
    }

    @Test
    void retrySkipAndTheOtherCommandsChangeTheAdoptedRows() {
        ConnectionTarget target = adopted();
        Map<Long, Map<String, String>> states = Rows.of(target, "sync_metadata");
        long failed = states.values().stream().filter(s -> s.get("sync_status").equals("failed")).count();
        long failedSprints = states.values().stream().filter(s -> s.get("sync_status").equals("failed") && s.get("entity_type").equals("sprint")).count();
        List<String> pending = states.values().stream().filter(s -> s.get("sync_status").equals("pending")).map(s -> s.get("id")).limit(2).toList();

        CliRun retry = CliRun.of(cli(target, "retry-failed", "--type", "sprint", "--yes", "--operator", "alice"));
        CliRun skip = CliRun.of(cli(target, "skip", "--ids", String.join(",", pending), "--yes", "--operator", "alice"));
        CliRun history = CliRun.of(cli(target, "history", "--status", "failed"));
        CliRun migrate = CliRun.of(cli(target, "migrate"));
        CliRun validate = CliRun.of(cli(target, "validate"));

        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(failedSprints).isEqualTo(12);
        Map<Long, Map<String, String>> after = Rows.of(target, "sync_metadata");
        assertThat(after.values().stream().filter(s -> s.get("sync_status").equals("failed")).count()).isEqualTo(failed - failedSprints);
        assertThat(skip.exitCode()).as(skip.err()).isZero();
        assertThat(pending).allSatisfy(id -> assertThat(after.get(Long.valueOf(id)).get("sync_status")).isEqualTo("skipped"));
        assertThat(Rows.of(target, "audit_log").values()).extracting(a -> a.get("operator") + " " + a.get("action"))
                .containsExactly("ops adopt", "alice retry", "alice skip");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).startsWith("12 runs").contains("JIRA answered 503 Service Unavailable");
        assertThat(migrate.out()).contains("Schema is already at version " + Versions.LATEST + "; nothing to do.");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
    }
}
