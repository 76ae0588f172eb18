package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictDetail;
import com.syncdesk.conflict.ConflictField;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.SyncStateColumn;
import com.syncdesk.syncstate.SyncStateExport;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestWorkspaces;

/**
 * Values other clients wrote that SyncDesk would never write: unknown enumeration values, JSON of an
 * unexpected shape or no JSON at all, timestamps in every form (and one that is no timestamp),
 * 100 KB error texts and NULL in every nullable column. They are listed, counted, exported, shown
 * and resolved without a crash, and an unreadable value is shown as it is stored.
 */
class ForeignValuesTest {

    private static final String LONG_ERROR = "HTTP 500 from JIRA: " + "x".repeat(100 * 1024);

    @TempDir
    Path tempDir;
    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    /** Rows as other clients left them; checks that would forbid them are switched off for the insert only. */
    private void writeForeignRows(Vendor vendor) throws Exception {
        boolean sqlite = vendor == Vendor.SQLITE;
        try (Connection c = workspace.database().connection(); Statement s = c.createStatement()) {
            if (sqlite) {
                s.execute("PRAGMA ignore_check_constraints = ON");
            } else {
                for (String check : List.of("valid_sync_status", "valid_entity_type", "valid_sync_direction", "valid_resolution_strategy")) {
                    s.execute("ALTER TABLE sync_metadata DROP CONSTRAINT " + check);
                }
                s.execute("ALTER TABLE conflict_resolutions DROP CONSTRAINT valid_conflict_type");
            }
            s.execute("INSERT INTO issues (id, jira_issue_id, issue_key, summary, status) VALUES "
                    + "(1, 'J1', 'FOR-1', 'First', 'To Do'), (2, 'J2', 'FOR-2', 'Second', 'To Do'), (3, 'J3', 'FOR-3', 'Third', 'To Do')");
            String json = sqlite ? "?" : "CAST(? AS jsonb)";
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sync_metadata (id, entity_type, entity_id, sync_status, "
                    + "sync_direction, resolution_strategy, last_error, error_count, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + json + ")")) {
                Object[][] rows = {
                        {1, "issue", "1", "retrying", "bidirectional", null, null, 0, "42"},
                        {2, "issue", "2", "failed", "sideways", "coin_flip", LONG_ERROR, 3, "{\"local\": 1, \"remote\": 2}"},
                        {3, "issue", "3", "pending", "bidirectional", "manual", null, 0, "[{\"local\": \"a\"}, {\"field\": \"summary\", \"local\": \"x\", \"remote\": \"y\"}]"},
                        {4, "epic", "EPIC-9", "completed", "bidirectional", null, null, 0, sqlite ? "{not json" : "\"just a string\""},
                };
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        p.setObject(i + 1, row[i]);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            // NULL in every nullable column (the NOT NULL ones keep their defaults).
            s.execute("INSERT INTO sync_metadata (id, entity_type, entity_id, jira_id, last_sync_attempt, last_successful_sync, last_error, "
                    + "sync_batch_id, content_hash, local_modified, remote_modified, resolution_strategy, sync_duration_ms, conflicts, updated_at) "
                    + "VALUES (5, 'sprint', 'S-5', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            if (sqlite) {
                String[] stamps = {"'2026-03-01 10:15:30'", "'2026-03-01 10:15:30.123456'", "'2026-03-01T12:15:30+02:00'",
                        "'2026-03-01T10:15:30Z'", "1772360130000", "'yesterday-ish'"};
                for (int i = 0; i < stamps.length; i++) {
                    s.execute("INSERT INTO sync_metadata (id, entity_type, entity_id, sync_status, last_sync_attempt, remote_modified) VALUES ("
                            + (10 + i) + ", 'board', 'B-" + i + "', 'failed', " + stamps[i] + ", " + stamps[i] + ")");
                }
            }
            s.execute("INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name, local_value, remote_value, base_value) VALUES "
                    + "(1, 'field_conflict', 'summary', " + cast("'42'", sqlite) + ", " + cast("'{}'", sqlite) + ", NULL), "
                    + "(1, 'field_conflict', 'status', " + cast(sqlite ? "'{oops'" : "'[1, 2]'", sqlite) + ", " + cast("'\"Done\"'", sqlite) + ", "
                    + cast("'{\"\": null}'", sqlite) + "), "
                    + "(2, 'field_conflict', 'summary', " + cast("'{\"nested\": {\"deep\": [true, null]}}'", sqlite) + ", " + cast("'null'", sqlite) + ", NULL), "
                    + "(3, 'field_conflict', 'assignee', NULL, NULL, NULL), "
                    + "(4, 'merge_conflict', NULL, NULL, NULL, NULL)");
            if (sqlite) {
                s.execute("PRAGMA ignore_check_constraints = OFF");
            }
        }
    }

    private static String cast(String literal, boolean sqlite) {
        return sqlite ? literal : "CAST(" + literal + " AS jsonb)";
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void foreignValuesAreListedCountedExportedShownAndResolvedWithoutACrash(Vendor vendor) throws Exception {
        workspace = TestWorkspaces.open(vendor, tempDir);
        writeForeignRows(vendor);
        int total = vendor == Vendor.SQLITE ? 11 : 5;
        var service = workspace.syncStates();

        List<SyncStateRow> rows = service.page(SyncStateFilter.all(), SyncStateSort.by(SyncStateColumn.ID, true), PageRequest.first(50)).items();
        assertThat(rows).hasSize(total);
        assertThat(rows.get(0).status().wire()).isEqualTo("retrying");
        assertThat(rows.get(0).status().isKnown()).isFalse();
        assertThat(rows.get(0).conflicts().fields()).isEmpty();
        assertThat(rows.get(1).direction().wire()).isEqualTo("sideways");
        assertThat(rows.get(1).resolutionStrategy().wire()).isEqualTo("coin_flip");
        assertThat(rows.get(1).lastError()).isEqualTo(LONG_ERROR);
        assertThat(rows.get(2).conflicts().fields()).hasSize(1);
        assertThat(rows.get(2).conflicts().problem()).hasValueSatisfying(p -> assertThat(p).contains("without a field name"));
        assertThat(rows.get(3).entityType().wire()).isEqualTo("epic");
        assertThat(rows.get(4).lastSyncAttempt()).isNull();
        if (vendor == Vendor.SQLITE) {
            assertThat(rows.get(3).conflicts().problem()).isPresent();
            assertThat(rows.subList(5, 10)).allSatisfy(row -> {
                assertThat(row.lastSyncAttempt().isReadable()).isTrue();
                assertThat(row.lastSyncAttempt().instant().getEpochSecond()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z").getEpochSecond());
            });
            assertThat(rows.get(10).lastSyncAttempt().isReadable()).isFalse();
            assertThat(rows.get(10).lastSyncAttempt().toString()).isEqualTo("yesterday-ish");
            assertThat(rows.get(10).remoteModified().toString()).isEqualTo("yesterday-ish");
            // Sorting and filtering by the timestamp column work over the mixed forms.
            assertThat(service.page(SyncStateFilter.all(), SyncStateSort.by(SyncStateColumn.LAST_ATTEMPT, false), PageRequest.first(50)).items())
                    .hasSize(total);
        }

        assertThat(service.count(SyncStateFilter.all())).isEqualTo(total);
        assertThat(service.count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED))).isEqualTo(vendor == Vendor.SQLITE ? 7 : 1);
        assertThat(service.count(SyncStateFilter.all().withText("xxxxxxxxxx"))).isEqualTo(1);
        assertThat(service.statistics(null, 24).byStatus()).containsEntry("retrying", 1L);
        assertThat(service.statistics(null, 24).topErrors()).anySatisfy(e -> assertThat(e.message()).isEqualTo(LONG_ERROR));

        SyncStateExport export = new SyncStateExport(service);
        StringWriter csv = new StringWriter();
        assertThat(export.write(SyncStateFilter.all(), SyncStateSort.by(SyncStateColumn.ID, true), SyncStateExport.Format.CSV, SyncStateExport.Cells.RAW, csv, SyncStateExport.Progress.NONE)).isEqualTo(total);
        assertThat(csv.toString()).contains("retrying").contains("sideways").contains("epic").contains(LONG_ERROR);
        StringWriter json = new StringWriter();
        assertThat(export.write(SyncStateFilter.all(), SyncStateSort.by(SyncStateColumn.ID, true), SyncStateExport.Format.JSON, SyncStateExport.Cells.RAW, json, SyncStateExport.Progress.NONE)).isEqualTo(total);
        JsonNode exported = Json.read(json.toString());
        assertThat(exported.size()).isEqualTo(total);
        assertThat(exported.get(1).toString()).contains("coin_flip");
        if (vendor == Vendor.SQLITE) {
            assertThat(csv.toString()).contains("yesterday-ish");
            assertThat(json.toString()).contains("yesterday-ish").contains("{not json");
        }

        assertThat(workspace.conflicts().openConflicts(ConflictFilter.all(), PageRequest.first(10)).items()).hasSize(4);
        for (long id : List.of(1L, 2L, 3L, 4L, 5L)) {
            ConflictDetail detail = workspace.conflicts().detail(id);
            assertThat(detail.label()).isNotBlank();
        }
        ConflictDetail first = workspace.conflicts().detail(1);
        assertThat(first.fields()).extracting(ConflictField::name).containsExactly("summary", "status");
        assertThat(first.fields().get(0).local().isNumber()).isTrue();
        if (vendor == Vendor.SQLITE) {
            assertThat(first.fields().get(1).problem()).contains("not valid JSON");
            assertThat(first.fields().get(1).local().asText()).isEqualTo("{oops");
        }
        assertThat(workspace.conflicts().detail(4).entityRow()).isEmpty();

        workspace.conflicts().resolve(1, first.state().rowVersion(), Map.of("summary", FieldChoice.local(), "status", FieldChoice.local()),
                "kept ours", "ops");
        ConflictDetail second = workspace.conflicts().detail(2);
        workspace.conflicts().resolve(2, second.state().rowVersion(), Map.of("summary", FieldChoice.local()), null, "ops");
        ConflictDetail third = workspace.conflicts().detail(3);
        workspace.conflicts().resolve(3, third.state().rowVersion(), Map.of("assignee", FieldChoice.remote()), null, "ops");
        try (Connection c = workspace.database().connection()) {
            assertThat(TableDump.rows(c, "SELECT id, summary, status, assignee FROM issues ORDER BY id"))
                    .containsExactly("id=1 summary=42 status=" + (vendor == Vendor.SQLITE ? "{oops" : "[1,2]") + " assignee=null",
                            "id=2 summary={\"nested\":{\"deep\":[true,null]}} status=To Do assignee=null",
                            "id=3 summary=Third status=To Do assignee=null");
        }
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM conflict_resolutions WHERE is_resolved = "
                + (vendor == Vendor.SQLITE ? "1" : "true"))).isEqualTo(4);
    }
}
