package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.conflict.ConflictService;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.conflict.InvalidValueException;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestWorkspaces;

/**
 * What an operator types: SQL metacharacters and LIKE wildcards in command-line filters, custom
 * conflict values that do not fit their column, and a megabyte pasted into a field or the notes.
 */
class OperatorInputTest {

    private static final String INJECTION = "%'; DROP TABLE sync_metadata; --";

    @TempDir
    Path tempDir;

    @Test
    void sqlMetacharactersAndWildcardsInCommandLineFiltersAreTakenLiterally() throws Exception {
        Path db = tempDir.resolve("ops.db");
        assertThat(CliRun.of("migrate", "--db", db.toString()).exitCode()).isZero();
        try (Workspace workspace = TestWorkspaces.over(Database.open(ConnectionTarget.sqlite(db)))) {
            var states = workspace.syncStates();
            for (String id : List.of("plain", "50%_off", "a'b")) {
                states.markFailed(states.createSyncState(EntityType.ISSUE, id, null), "boom");
            }
            states.markFailed(states.createSyncState(EntityType.ISSUE, "victim", null), "said " + INJECTION);
        }
        List<String> before = dump(db, "SELECT id, entity_id, sync_status FROM sync_metadata ORDER BY id");

        for (String text : List.of("'; DROP TABLE issues; --", "%%", "f_o", "' OR '1'='1")) {
            CliRun skip = CliRun.of("skip", "--yes", "--db", db.toString(), "--text", text);
            assertThat(skip.exitCode()).as(skip.err()).isZero();
            assertThat(skip.out()).as(text).contains("0 sync state(s) changed");
        }
        for (String batch : List.of("x' OR '1'='1", "%")) {
            CliRun retry = CliRun.of("retry-failed", "--yes", "--db", db.toString(), "--batch", batch);
            assertThat(retry.exitCode()).isZero();
            assertThat(retry.out()).contains("0 sync state(s) changed");
        }
        CliRun list = CliRun.of("conflicts", "list", "--db", db.toString(), "--text", INJECTION);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("0 entities with open conflicts");
        Path csv = tempDir.resolve("out.csv");
        CliRun export = CliRun.of("export", "--db", db.toString(), "--text", "%_", "--out", csv.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(2).anySatisfy(line -> assertThat(line).contains("50%_off"));
        assertThat(dump(db, "SELECT id, entity_id, sync_status FROM sync_metadata ORDER BY id")).isEqualTo(before);

        CliRun exact = CliRun.of("skip", "--yes", "--db", db.toString(), "--text", INJECTION);
        assertThat(exact.out()).contains("Skip: 1 sync state(s) changed");
        assertThat(dump(db, "SELECT entity_id FROM sync_metadata WHERE sync_status = 'skipped'")).containsExactly("entity_id=victim");
    }

    @Test
    void badValuesForFilterOptionsAreUsageErrors() throws Exception {
        Path db = tempDir.resolve("ops.db");
        assertThat(CliRun.of("migrate", "--db", db.toString()).exitCode()).isZero();
        String before = Fingerprints.sha256(db);
        CliAssert.oneLine(CliRun.of("retry", "--yes", "--db", db.toString(), "--status", "failed'; DROP TABLE x; --"), ExitCodes.USAGE,
                "Unknown SyncStatus");
        CliAssert.oneLine(CliRun.of("export", "--db", db.toString(), "--format", "xml"), ExitCodes.USAGE, "Unknown Format");
        CliAssert.oneLine(CliRun.of("export", "--db", db.toString(), "--out", tempDir.resolve("no-such-folder").resolve("x.csv").toString()),
                ExitCodes.USAGE, "does not exist");
        assertThat(Fingerprints.sha256(db)).isEqualTo(before);
    }

    private static List<String> dump(Path db, String sql) throws Exception {
        try (Database database = Database.open(ConnectionTarget.sqlite(db)); var c = database.connection()) {
            return TableDump.rows(c, sql);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void customValuesThatBreakAColumnsTypeOrRuleAndPastedMegabytesAreRefusedAndNothingIsWritten(Vendor vendor) throws Exception {
        try (Workspace workspace = TestWorkspaces.open(vendor, tempDir)) {
            StateRows.execute(workspace.database(), "INSERT INTO boards (id, jira_board_id, name, board_type) VALUES (1, 11, 'Board', 'scrum')");
            StateRows.execute(workspace.database(), "INSERT INTO sprints (id, jira_sprint_id, name, state, board_id) VALUES (1, 501, 'Sprint 1', 'active', 1)");
            StateRows.execute(workspace.database(), "INSERT INTO issues (id, jira_issue_id, issue_key, summary) VALUES (1, 'J1', 'OP-1', 'Issue')");
            var states = workspace.syncStates();
            SyncState sprint = workspace.conflicts().record(states.createSyncState(EntityType.SPRINT, "1", "501"), List.of(
                    new FieldConflict("state", TextNode.valueOf("active"), TextNode.valueOf("closed"), null),
                    new FieldConflict("start_date", TextNode.valueOf("2026-01-05T09:00:00Z"), TextNode.valueOf("2026-01-06T09:00:00Z"), null),
                    new FieldConflict("goal", TextNode.valueOf("Ship it"), TextNode.valueOf("Ship it now"), null)));
            SyncState issue = workspace.conflicts().record(states.createSyncState(EntityType.ISSUE, "1", "J1"), List.of(
                    new FieldConflict("story_points", IntNode.valueOf(3), IntNode.valueOf(5), null),
                    new FieldConflict("summary", TextNode.valueOf("Issue"), TextNode.valueOf("Issue!"), null)));
            ConflictService conflicts = workspace.conflicts();
            Map<String, List<String>> before = TableDump.of(workspace.database());
            String megabyte = "paste ".repeat(1024 * 1024 / 6 + 1);

            refused(() -> resolve(conflicts, sprint, Map.of("state", FieldChoice.custom(TextNode.valueOf("paused")))), "state", "must be one of");
            refused(() -> resolve(conflicts, sprint, Map.of("start_date", FieldChoice.custom(TextNode.valueOf("next Tuesday")))),
                    "start_date", "must be a date and time");
            refused(() -> resolve(conflicts, sprint, Map.of("start_date", FieldChoice.custom(Json.read("{\"year\": 2026}")))),
                    "start_date", "must be a date and time");
            refused(() -> resolve(conflicts, sprint, Map.of("goal", FieldChoice.custom(TextNode.valueOf(megabyte)))), "goal", "at most 65535 fit");
            refused(() -> resolve(conflicts, issue, Map.of("story_points", FieldChoice.custom(TextNode.valueOf("a lot")))),
                    "story_points", "must be a number");
            refused(() -> resolve(conflicts, issue, Map.of("story_points", FieldChoice.custom(TextNode.valueOf("1e400")))),
                    "story_points", "below 10000");
            refused(() -> resolve(conflicts, issue, Map.of("summary", FieldChoice.custom(TextNode.valueOf(megabyte)))), "summary", "at most 500 fit");
            assertThatThrownBy(() -> conflicts.resolve(issue.getId(), issue.getRowVersion(), Map.of("story_points", FieldChoice.local(),
                    "summary", FieldChoice.local()), megabyte, "ops"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000 fit");
            assertThat(TableDump.of(workspace.database())).isEqualTo(before);
        }
    }

    private static void resolve(ConflictService conflicts, SyncState state, Map<String, FieldChoice> custom) {
        Map<String, FieldChoice> choices = new HashMap<>();
        conflicts.detail(state.getId()).fields().forEach(f -> choices.put(f.name(), FieldChoice.remote()));
        choices.putAll(custom);
        conflicts.resolve(state.getId(), state.getRowVersion(), choices, null, "ops");
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class).hasMessageContaining(message)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo(field);
        JsonNode unused = null;
    }
}
