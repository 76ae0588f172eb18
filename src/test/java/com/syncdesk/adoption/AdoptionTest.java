package com.syncdesk.adoption;

import static com.syncdesk.adoption.Rows.json;
import static com.syncdesk.adoption.SprintReports.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;

/** Adopting a sprint-reports database: what the preview shows, what the conversion writes, and that a failure changes nothing. */
class AdoptionTest {

    /** The mappings the issue names, written out here rather than taken from the code under test. */
    private static final Map<String, String> STATUS = Map.of("PENDING", "pending", "IN_PROGRESS", "in_progress", "COMPLETED", "completed",
            "FAILED", "failed", "SKIPPED", "skipped");
    private static final Map<String, String> STRATEGY = Map.of("REMOTE_WINS", "jira_wins", "LOCAL_WINS", "local_wins", "MANUAL", "manual",
            "MERGE", "manual");

    @TempDir
    Path tempDir;

    @Test
    void thePreviewAndADeclinedAdoptChangeNothing() {
        ConnectionTarget target = SprintReports.withRows();
        List<String> before = DatabaseImage.of(target);

        AdoptionPreview preview;
        try (Database database = Database.open(target)) {
            preview = Adoptions.of(database, "ops", tempDir).preview();
        }
        CliRun declined = CliRun.of(cli(target, "adopt", "--backup-dir", tempDir.toString()));

        assertThat(preview.report().canAdopt()).isTrue();
        assertThat(preview.plan().steps()).extracting(AdoptionStep::name).startsWith(
                "Hold every table still: nobody reads or writes them until adopt commits", "Back up every table and sequence");
        assertThat(declined.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(declined.out()).contains("is a sprint-reports database at Alembic revision 008_add_sprint_jira_metadata.")
                .contains("LOCK TABLE permissions, roles, sprints, users,")
                .contains("COPY (SELECT version_num FROM alembic_version ORDER BY version_num) TO STDOUT WITH (FORMAT csv, HEADER);")
                .contains("WHEN 'FAILED' THEN 'failed'").contains("WHEN 'REMOTE_WINS' THEN 'jira_wins'")
                .contains("INSERT INTO flyway_schema_history").contains("'BASELINE'")
                .contains("Conversion report (counted in the database; nothing was changed):")
                .contains("      FAILED -> failed: 82").contains("      MERGE -> manual (its notes say it was a merge): 1")
                .contains("Backup: every table and sequence goes to a new folder in " + tempDir)
                .contains("The way back:")
                .endsWith("Adoption declined; nothing was changed." + System.lineSeparator());
        assertThat(declined.err()).contains("run again with --yes");
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
        assertThat(tempDir).isEmptyDirectory();
    }

    @Test
    void adoptConvertsEveryRowValueByValueThroughTheMappings() {
        ConnectionTarget target = SprintReports.withRows();
        Map<Long, Map<String, String>> sprints = Rows.of(target, "sprints");
        Map<Long, Map<String, String>> states = Rows.of(target, "sync_metadata");
        Map<Long, Map<String, String>> conflicts = Rows.of(target, "conflict_resolutions");
        Map<Long, Map<String, String>> runs = Rows.of(target, "sync_history");
        Map<Long, Map<String, String>> users = Rows.of(target, "users");

        AdoptionResult result = adopt(target);

        assertThat(result.backup().location()).startsWith(tempDir);
        Map<Long, Map<String, String>> boards = Rows.of(target, "boards");
        Map<Long, Map<String, String>> projects = Rows.of(target, "projects");
        assertThat(boards.values()).extracting(b -> b.get("jira_board_id") + " " + b.get("name") + " " + b.get("project_key") + " " + b.get("board_type"))
                .containsExactly("100 PROJ Scrum PROJ scrum", "101 PROJ Delivery PROJ scrum", "102 OPS Scrum OPS scrum", "103 Board 103 null scrum");
        assertThat(projects.values()).extracting(p -> p.get("project_key") + " " + p.get("name")).containsExactly("OPS OPS", "PROJ PROJ");

        Map<Long, Map<String, String>> adoptedSprints = Rows.of(target, "sprints");
        assertThat(adoptedSprints.keySet()).isEqualTo(sprints.keySet());
        sprints.forEach((id, original) -> {
            Map<String, String> adopted = adoptedSprints.get(id);
            original.forEach((column, value) -> {
                if (column.equals("sync_conflicts")) {
                    assertThat(json(adopted.get(column))).as("sprint %d %s", id, column).isEqualTo("null".equals(value) ? null : json(value));
                } else {
                    assertThat(adopted.get(column)).as("sprint %d %s", id, column).isEqualTo(value);
                }
            });
        });

        Map<String, String> sprintIdByJiraId = adoptedSprints.values().stream().collect(Collectors.toMap(s -> s.get("jira_sprint_id"), s -> s.get("id")));
        Map<String, String> boardIdByJiraId = boards.values().stream().collect(Collectors.toMap(b -> b.get("jira_board_id"), b -> b.get("id")));
        Map<String, String> projectIdByKey = projects.values().stream().collect(Collectors.toMap(p -> p.get("project_key"), p -> p.get("id")));
        Map<Long, Map<String, String>> adoptedStates = Rows.of(target, "sync_metadata");
        assertThat(adoptedStates).hasSize(SprintReports.STATES).containsOnlyKeys(states.keySet());
        states.forEach((id, original) -> {
            Map<String, String> adopted = adoptedStates.get(id);
            original.forEach((column, value) -> {
                Object expected = switch (column) {
                    case "sync_status" -> STATUS.get(value);
                    case "entity_id" -> {
                        String local = switch (original.get("entity_type")) {
                            case "sprint" -> sprintIdByJiraId.get(value);
                            case "board" -> boardIdByJiraId.get(value);
                            case "project" -> projectIdByKey.get(value);
                            default -> null;
                        };
                        yield local != null ? local : "jira:" + value;
                    }
                    case "api_calls_count" -> value == null ? "0" : value;
                    case "conflicts" -> conflictsAsSyncDeskStoresThem(value);
                    default -> value;
                };
                Object actual = column.equals("conflicts") ? json(adopted.get(column)) : adopted.get(column);
                assertThat(actual).as("sync state %d %s (was %s)", id, column, value).isEqualTo(expected);
            });
            assertThat(adopted.get("row_version")).isEqualTo("0");
        });

        Map<Long, Map<String, String>> adoptedConflicts = Rows.of(target, "conflict_resolutions");
        assertThat(adoptedConflicts.keySet()).isEqualTo(conflicts.keySet());
        conflicts.forEach((id, original) -> {
            Map<String, String> adopted = adoptedConflicts.get(id);
            original.forEach((column, value) -> {
                Object expected = switch (column) {
                    case "resolution_strategy" -> STRATEGY.get(value);
                    case "resolved_value" -> "null".equals(value) ? null : json(value);
                    case "local_value", "remote_value" -> json(value);
                    case "resolution_notes" -> original.get("resolution_strategy").equals("MERGE")
                            ? value + "\nResolved by MERGE in sprint-reports; SyncDesk has no merge strategy and records it as manual." : value;
                    default -> value;
                };
                Object actual = column.endsWith("_value") ? json(adopted.get(column)) : adopted.get(column);
                assertThat(actual).as("conflict %d %s (was %s)", id, column, value).isEqualTo(expected);
            });
            assertThat(adopted.get("row_version")).isEqualTo("0");
            assertThat(adopted.get("base_value")).isNull();
        });

        Map<Long, Map<String, String>> adoptedRuns = Rows.of(target, "sync_history");
        assertThat(adoptedRuns.keySet()).isEqualTo(runs.keySet());
        runs.forEach((id, original) -> original.forEach((column, value) -> {
            Object expected = switch (column) {
                case "status" -> STATUS.get(value);
                case "sync_details" -> "null".equals(value) ? null : json(value);
                default -> value;
            };
            Object actual = column.equals("sync_details") ? json(adoptedRuns.get(id).get(column)) : adoptedRuns.get(id).get(column);
            assertThat(actual).as("sync run %d %s (was %s)", id, column, value).isEqualTo(expected);
        }));

        Set<Long> actors = new TreeSet<>();
        conflicts.values().stream().map(c -> c.get("resolved_by")).filter(Objects::nonNull).map(Long::valueOf).forEach(actors::add);
        runs.values().stream().map(r -> r.get("initiated_by")).filter(Objects::nonNull).map(Long::valueOf).forEach(actors::add);
        Map<Long, Map<String, String>> operators = Rows.of(target, "operators");
        assertThat(operators.keySet()).containsExactlyElementsOf(actors);
        operators.forEach((id, operator) -> {
            Map<String, String> user = users.get(id);
            String name = user.get("full_name") != null ? user.get("full_name") : user.get("jira_display_name");
            assertThat(operator.get("username")).isEqualTo(user.get("username"));
            assertThat(operator.get("display_name")).isEqualTo(name == null ? null : name.substring(0, Math.min(200, name.length())));
        });
        assertThat(Rows.of(target, "audit_log").values()).singleElement().satisfies(entry -> {
            assertThat(entry.get("operator")).isEqualTo("ops");
            assertThat(entry.get("action")).isEqualTo("adopt");
            assertThat(json(entry.get("details")).get("sync_states").asInt()).isEqualTo(SprintReports.STATES);
        });
    }

    /** sprint-reports' one conflict object becomes a list of one; Python's None (JSON null) becomes no conflicts. */
    private static JsonNode conflictsAsSyncDeskStoresThem(String stored) {
        if (stored == null || stored.equals("null")) {
            return null;
        }
        JsonNode value = json(stored);
        return value.isObject() && value.hasNonNull("field") ? JsonNodeFactory.instance.arrayNode().add(value) : value;
    }

    @Test
    void theAdoptedSchemaIsSyncDesksLatestBesideTheOriginalsOwnTablesUnchanged() throws SQLException {
        ConnectionTarget target = SprintReports.withRows();
        List<String> own = OriginSchema.ownTables();
        List<String> ownBefore;
        Map<String, List<String>> ownRowsBefore;
        try (Database database = Database.open(target)) {
            ownBefore = linesOf(SchemaSnapshot.capture(database), own);
            ownRowsBefore = ownRows(database, own);
        }

        adopt(target);

        try (Database database = Database.open(target)) {
            List<String> schema = SchemaSnapshot.capture(database);
            assertThat(schema.stream().filter(line -> !belongsTo(line, own)).toList())
                    .containsExactlyElementsOf(FreshSchemas.at(Vendor.POSTGRESQL, Versions.LATEST));
            assertThat(linesOf(schema, own)).isEqualTo(ownBefore);
            assertThat(ownRows(database, own)).isEqualTo(ownRowsBefore);
            try (Connection connection = database.connection()) {
                assertThat(SchemaShape.of(connection)).noneMatch(line -> line.startsWith("enum ")).doesNotContain("table sprint_reports_008");
                assertThat(TableDump.rows(connection, "SELECT nspname FROM pg_namespace WHERE nspname = '" + Conversion.ASIDE + "'")).isEmpty();
            }
        }
    }

    private static List<String> linesOf(List<String> schema, List<String> tables) {
        return schema.stream().filter(line -> belongsTo(line, tables)).toList();
    }

    private static boolean belongsTo(String line, List<String> tables) {
        String first = line.startsWith("table ") ? line.substring("table ".length()) : line.split(" ")[0];
        return tables.contains(first);
    }

    private static Map<String, List<String>> ownRows(Database database, List<String> tables) {
        try (Connection connection = database.connection()) {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (String table : tables) {
                rows.put(table, DatabaseImage.rows(connection, table));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHistorySaysAdoptedAtVersionTenAndFlywayTakesItAsABaselineForTheUpgradesAfter() throws Exception {
        ConnectionTarget target = SprintReports.withRows();
        adopt(target);

        try (Database database = Database.open(target)) {
            MigrationService migrations = Adoptions.migrations(database, "ops", tempDir);
            SchemaStatus status = migrations.status();
            assertThat(status.currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(status.isLatest()).isTrue();
            assertThat(status.pending()).isEmpty();
            List<Tuple> expected = new ArrayList<>(List.of(
                    tuple(1, MigrationState.BELOW_BASELINE), tuple(2, MigrationState.BELOW_BASELINE),
                    tuple(4, MigrationState.BELOW_BASELINE), tuple(7, MigrationState.BELOW_BASELINE),
                    tuple(8, MigrationState.BELOW_BASELINE), tuple(9, MigrationState.BELOW_BASELINE),
                    tuple(10, MigrationState.BASELINE)));
            Versions.above(10).forEach(version -> expected.add(tuple(version, MigrationState.APPLIED)));
            assertThat(status.migrations()).extracting(MigrationEntry::version, MigrationEntry::state).containsExactlyElementsOf(expected);
            MigrationEntry baseline = status.baseline().orElseThrow();
            assertThat(baseline.description()).isEqualTo("adopted from Alembic 008_add_sprint_jira_metadata");
            assertThat(baseline.installedBy()).isEqualTo("ops");
            assertThat(migrations.validate().problems()).isEmpty();
            assertThat(migrations.upgradeWithReport(null, MigrationProgress.NONE).status().migrations()).isEqualTo(status.migrations());

            try (Database flywayMade = Database.open(TestPostgres.freshDatabase())) {
                new MigrationService(flywayMade, "ops").upgrade(10, MigrationProgress.NONE);
                assertThat(historyTableShape(database)).isEqualTo(historyTableShape(flywayMade));
            }
            try (Connection connection = database.connection()) {
                assertThat(TableDump.rows(connection, "SELECT version_num FROM alembic_version")).containsExactly("version_num=008_add_sprint_jira_metadata");
            }
        }
    }

    private static List<String> historyTableShape(Database database) throws Exception {
        try (Connection connection = database.connection()) {
            List<String> shape = new ArrayList<>(TableDump.rows(connection, "SELECT column_name, data_type, character_maximum_length, "
                    + "is_nullable, column_default FROM information_schema.columns WHERE table_name = 'flyway_schema_history' ORDER BY ordinal_position"));
            shape.addAll(SchemaShape.of(connection).stream().filter(line -> line.contains("flyway_schema_history")).toList());
            return shape;
        }
    }

    @Test
    void theReportCountsWhatTheConversionDoes() {
        ConnectionTarget target = SprintReports.withRows();
        ConversionReport report = adopt(target).preview().report();

        Map<String, Long> rows = report.tables().stream().collect(Collectors.toMap(ConversionReport.TableConversion::table,
                ConversionReport.TableConversion::rows));
        for (String table : List.of("projects", "boards", "sprints", "operators", "sync_metadata", "conflict_resolutions", "sync_history",
                "issues", "audit_log")) {
            assertThat(rows.get(table)).as(table).isEqualTo((long) Rows.of(target, table).size());
        }
        assertThat(valuesOf(report, "sync_metadata", "entity_id")).containsEntry("sprint: JIRA sprint id without a local row", 2L)
                .containsEntry("issue: JIRA id without a local row", 340L).containsEntry("board: JIRA board id without a local row", 1L)
                .containsEntry("project: JIRA project key without a local row", 1L);
        long marked = Rows.of(target, "sync_metadata").values().stream().filter(s -> s.get("entity_id").startsWith("jira:")).count();
        assertThat(marked).isEqualTo(2 + 340 + 1 + 1);
        long open = Rows.of(target, "conflict_resolutions").values().stream().filter(c -> c.get("is_resolved").equals("f")).count();
        assertThat(valuesOf(report, "conflict_resolutions", "is_resolved")).containsEntry("open", open);
        assertThat(valuesOf(report, "conflict_resolutions", "resolution_strategy")).containsEntry("MERGE", 1L).containsEntry("REMOTE_WINS", 130L);
        assertThat(valuesOf(report, "sync_metadata", "sync_status").values()).containsOnly(82L);
        assertThat(report.keptAsTheyAre()).extracting(ConversionReport.TableRows::table).containsExactlyElementsOf(OriginSchema.ownTables());
        assertThat(report.blockers()).isEmpty();
    }

    private static Map<String, Long> valuesOf(ConversionReport report, String table, String column) {
        return report.tables().stream().filter(t -> t.table().equals(table)).flatMap(t -> t.columns().stream())
                .filter(c -> c.column().equals(column)).flatMap(c -> c.values().stream())
                .collect(Collectors.toMap(v -> v.mapping().original(), ConversionReport.MappedCount::count));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Back up every table and sequence", "SyncDesk version 4 (add sync models)", "Sync states",
            "SyncDesk version 10 (dashboard counts and page index)", "The schema history: adopted at version 10"})
    void aFailureInTheMiddleOfAdoptLeavesTheOriginalAsItWas(String failingStep) {
        ConnectionTarget target = SprintReports.withRows();
        List<String> before = DatabaseImage.of(target);

        try (Database database = Database.open(target)) {
            Adoption adoption = Adoptions.of(database, "ops", tempDir);
            assertThatThrownBy(() -> adoption.adopt(MigrationProgress.NONE, plan -> {
                int step = IntStream.range(0, plan.steps().size()).filter(i -> plan.steps().get(i).name().equals(failingStep)).findFirst().orElseThrow();
                return plan.withStatementInserted(step, plan.steps().get(step).statements().size() - 1, "SELECT 1 / 0");
            })).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("Adopt stopped at \"" + failingStep + "\" and was rolled back")
                    .hasMessageContaining("division by zero")
                    .hasMessageContaining("is the sprint-reports database it was; nothing was changed");
            assertThat(adoption.recognise().isAdoptable()).isTrue();
            // A backup the failure cut short leaves nothing behind; a finished one stays, a valid backup of the unchanged database.
            assertThat(new OriginBackups(database, tempDir).list()).hasSize(failingStep.startsWith("Back up") ? 0 : 1);
        }
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
        if (failingStep.startsWith("Back up")) {
            assertThat(tempDir).isEmptyDirectory();
        }

        adopt(target);
        assertThat(Rows.of(target, "sync_metadata")).hasSize(SprintReports.STATES);
    }

    @Test
    void whileSprintReportsStillWritesAdoptWaitsTenSecondsAtMostThenChangesNothing() throws Exception {
        ConnectionTarget target = SprintReports.withRows();
        List<String> before = DatabaseImage.of(target);
        try (Database original = Database.open(target); Connection writer = original.connection();
             Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            statement.executeUpdate("UPDATE sync_metadata SET error_count = error_count + 1 WHERE id = 1");

            Instant start = Instant.now();
            CliRun run = CliRun.of(cli(target, "adopt", "--yes", "--backup-dir", tempDir.toString()));

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).hasLineCount(1).contains("Adopt stopped at \"Hold every table still")
                    .contains("another session holds a lock").contains("nothing was changed")
                    .contains("Stop sprint-reports, and whatever else works on the database, then adopt again.");
            writer.rollback();
        }
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
        assertThat(tempDir).isEmptyDirectory();
    }

    @Test
    void rowsSyncDesksSchemaRefusesStopAdoptBeforeItStarts() {
        ConnectionTarget target = SprintReports.withRows();
        SprintReports.execute(target, "UPDATE sync_history SET conflicts_resolved = -1 WHERE id IN (3, 7)");
        List<String> before = DatabaseImage.of(target);

        CliRun run = CliRun.of(cli(target, "adopt", "--yes", "--backup-dir", tempDir.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.out()).contains("Rows SyncDesk's schema would refuse (adopt does not start while there are any):")
                .contains("2 sync_history rows with a negative conflicts_resolved or duration_seconds, which SyncDesk's schema refuses: ids 3, 7");
        assertThat(run.err()).hasLineCount(1).contains("adopt does not start").contains("Nothing was changed");
        try (Database database = Database.open(target)) {
            assertThatThrownBy(() -> Adoptions.of(database, "ops", tempDir).adopt(MigrationProgress.NONE))
                    .hasMessageContaining("ids 3, 7").hasMessageContaining("nothing was changed");
        }
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
        assertThat(tempDir).isEmptyDirectory();
    }

    @Test
    void adoptOnTheCommandLinePrintsTheBackupAndTheNewVersion() {
        ConnectionTarget target = SprintReports.withRows();

        CliRun run = CliRun.of(cli(target, "adopt", "--yes", "--operator", "ops", "--backup-dir", tempDir.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[2/20] Back up every table and sequence done")
                .contains("[20/20] The schema history: adopted at version 10 done")
                .containsPattern("Backup taken before adoption: " + Pattern.quote(tempDir.toString())
                        + "/syncdesk_test_\\d+-\\d{8}-\\d{6}-\\d{3}-sprint-reports-008 \\([\\d.]+ KB\\)")
                .containsPattern("Adopted .* in [\\d.]+ s: SyncDesk schema version " + Versions.LATEST + " \\(latest\\)\\.");
        CliRun again = CliRun.of(cli(target, "adopt", "--yes", "--backup-dir", tempDir.toString()));
        assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(again.err()).contains("was adopted from sprint-reports already (schema version " + Versions.LATEST + ")");
    }

    private AdoptionResult adopt(ConnectionTarget target) {
        try (Database database = Database.open(target)) {
            return Adoptions.of(database, "ops", tempDir).adopt(MigrationProgress.NONE);
        }
    }
}
