package com.syncdesk.syncstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

class SyncStateExportTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;

    @AfterEach
    void close() {
        workspace.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void csvHoldsExactlyTheFilteredRowsWithRfc4180QuotingAndUtcTimestamps(Vendor vendor) throws Exception {
        workspace = TestWorkspaces.open(vendor, tempDir);
        List<StateRows.Row> rows = StateRows.insert(workspace.database(), 500, 9);
        StateRows.execute(workspace.database(), "UPDATE sync_metadata SET last_error = 'line one, with comma\nand \"quotes\"' WHERE id = 1");
        SyncStateFilter filter = SyncStateFilter.all().withStatuses(SyncStatus.FAILED);
        StringWriter out = new StringWriter();

        long written = new SyncStateExport(workspace.syncStates()).write(filter, SyncStateSort.by(SyncStateColumn.ID, true),
                SyncStateExport.Format.CSV, SyncStateExport.Cells.RAW, out, SyncStateExport.Progress.NONE);

        List<Map<String, String>> parsed;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.toString())) {
            parsed = it.readAll();
        }
        List<StateRows.Row> failed = rows.stream().filter(r -> r.status().equals("failed")).toList();
        assertThat(written).isEqualTo(failed.size());
        assertThat(parsed).extracting(m -> Long.parseLong(m.get("id"))).containsExactlyElementsOf(failed.stream().map(StateRows.Row::id).toList());
        assertThat(parsed.getFirst().keySet()).containsExactlyElementsOf(SyncStateExport.COLUMN_NAMES);
        for (Map<String, String> row : parsed) {
            StateRows.Row expected = failed.stream().filter(r -> r.id() == Long.parseLong(row.get("id"))).findFirst().orElseThrow();
            assertThat(row.get("sync_status")).isEqualTo("failed");
            assertThat(row.get("entity_id")).isEqualTo(expected.entityId());
            if (expected.attempt() != null) {
                assertThat(row.get("last_sync_attempt")).isEqualTo(expected.attempt().truncatedTo(ChronoUnit.MICROS).toString());
            }
        }
        if (rows.getFirst().status().equals("failed")) {
            assertThat(parsed.getFirst().get("last_error")).isEqualTo("line one, with comma\nand \"quotes\"");
        }
        assertThat(out.toString()).contains("\r\n");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void jsonIsAnArrayOfObjectsWithConflictsAsJson(Vendor vendor) throws Exception {
        workspace = TestWorkspaces.open(vendor, tempDir);
        SyncState state = workspace.syncStates().createSyncState(EntityType.ISSUE, "1", "PAY-1");
        workspace.conflicts().record(state, List.of(new FieldConflict("summary",
                TextNode.valueOf("a"), TextNode.valueOf("b"), null)));
        StringWriter out = new StringWriter();
        new SyncStateExport(workspace.syncStates()).write(SyncStateFilter.all(), SyncStateSort.DEFAULT, SyncStateExport.Format.JSON, SyncStateExport.Cells.RAW, out, SyncStateExport.Progress.NONE);
        JsonNode array = Json.read(out.toString());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        assertThat(array.get(0).get("conflicts").get(0).get("field").asText()).isEqualTo("summary");
        assertThat(array.get(0).get("open_conflicts").asInt()).isEqualTo(1);
    }
}
