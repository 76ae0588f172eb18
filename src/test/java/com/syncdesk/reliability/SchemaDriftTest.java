package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.CountTables;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.PostgresRoles;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.TestPostgres;

/**
 * Another client changed SyncDesk's schema behind its back: validate compares the schema with a fresh one at the
 * same version and names every difference, repair recreates what SyncDesk owns (and says what it cannot), and
 * objects another client added are reported without being a failure.
 */
class SchemaDriftTest {

    /** The figures the count tables must hold, computed from the states themselves. */
    @TempDir
    Path tempDir;

    private ConnectionTarget migratedWithStates(Vendor vendor) {
        ConnectionTarget target = TestDatabases.fresh(vendor, tempDir);
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            StateRows.insert(database, 400, 5);
        }
        return target;
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDroppedUniqueIndexAndCountTriggerAreNamedByValidateAndRecreatedByRepair(Vendor vendor) throws SQLException {
        ConnectionTarget target = migratedWithStates(vendor);
        List<String> schema = snapshot(target);
        asAnotherClient(target, "DROP INDEX idx_unique_entity",
                "DROP TRIGGER sync_counts_insert" + (vendor == Vendor.POSTGRESQL ? " ON sync_metadata" : ""),
                "INSERT INTO sync_metadata (entity_type, entity_id, sync_status, sync_duration_ms) VALUES ('issue', 'uncounted-1', 'failed', 5), "
                        + "('board', 'uncounted-2', 'completed', 7)");

        CliRun validate = cli(target, "validate");
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(validate.err()).contains("Index idx_unique_entity on sync_metadata is missing (SyncDesk's; repair recreates it)",
                "Trigger sync_counts_insert on sync_metadata is missing (SyncDesk's; repair recreates it)",
                "The dashboard's counts differ from the sync states");

        CliRun repair = cli(target, "repair");
        assertThat(repair.exitCode()).as(repair.err()).isEqualTo(ExitCodes.OK);
        assertThat(repair.out()).contains("Recreated in ", "index idx_unique_entity on sync_metadata", "trigger sync_counts_insert on sync_metadata");

        CliRun again = cli(target, "validate");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("matches this SyncDesk's migrations and schema");
        assertThat(snapshot(target)).isEqualTo(schema);
        asAnotherClient(target, "INSERT INTO sync_metadata (entity_type, entity_id, sync_status) VALUES ('sprint', 'counted-again', 'pending')");
        assertCountsMatchTheStates(target);
        assertThatThrownBy(() -> asAnotherClient(target, "INSERT INTO sync_metadata (entity_type, entity_id) VALUES ('sprint', 'counted-again')"))
                .as("the unique index is back").satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("unique"));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aColumnAnotherClientDroppedIsReportedNotRepairedAndOnlyWhatNeedsItWaits(Vendor vendor) throws SQLException {
        ConnectionTarget target = migratedWithStates(vendor);
        asAnotherClient(target, "DROP INDEX idx_sync_batch", "ALTER TABLE sync_metadata DROP COLUMN sync_batch_id", "DROP INDEX idx_unique_entity");
        String missing = "Column sync_metadata.sync_batch_id is missing (SyncDesk's; repair cannot bring back its values: restore a backup).";
        String waiting = "Index idx_sync_batch on sync_metadata is missing (SyncDesk's; repair recreates it once column "
                + "sync_metadata.sync_batch_id is SyncDesk's again: restore a backup).";

        CliRun validate = cli(target, "validate");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(validate.err()).contains(missing, waiting, "Index idx_unique_entity on sync_metadata is missing (SyncDesk's; repair recreates it)")
                .doesNotContain("dashboard's counts");

        CliRun repair = cli(target, "repair");
        assertThat(repair.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(repair.out()).contains("Recreated in ", "index idx_unique_entity on sync_metadata");
        assertThat(repair.err()).contains(missing, waiting).doesNotContain("idx_unique_entity");
        assertThat(String.join("\n", snapshot(target))).doesNotContain("sync_batch_id").doesNotContain("idx_sync_batch").contains("idx_unique_entity");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void objectsAnotherClientAddedAreReportedButNoFailureAndRepairLeavesThem(Vendor vendor) {
        ConnectionTarget target = migratedWithStates(vendor);
        asAnotherClient(target, "CREATE INDEX idx_ops_jira ON sync_metadata (jira_id)", "CREATE TABLE ops_notes (id INTEGER PRIMARY KEY, note TEXT)",
                "ALTER TABLE sync_metadata ADD COLUMN ops_flag INTEGER");

        CliRun validate = cli(target, "validate");
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).contains("Index idx_ops_jira on sync_metadata is not SyncDesk's: another client added it (left as it is).",
                "Table ops_notes is not SyncDesk's", "Column sync_metadata.ops_flag is not SyncDesk's",
                "matches this SyncDesk's migrations and schema").doesNotContain("ops_notes_pkey");

        assertThat(cli(target, "repair").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(String.join("\n", snapshot(target))).contains("idx_ops_jira", "ops_notes", "ops_flag");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void duplicatesWrittenWhileTheUniqueIndexWasMissingStopRepairBeforeItChangesAnything(Vendor vendor) throws SQLException {
        ConnectionTarget target = migratedWithStates(vendor);
        asAnotherClient(target, "DROP INDEX idx_unique_entity",
                "DROP TRIGGER sync_counts_delete" + (vendor == Vendor.POSTGRESQL ? " ON sync_metadata" : ""),
                "INSERT INTO sync_metadata (entity_type, entity_id) SELECT entity_type, entity_id FROM sync_metadata WHERE id = 1");
        List<String> schema = snapshot(target);
        Map<String, List<String>> rows = dump(target);

        CliRun repair = cli(target, "repair");

        CliAssert.oneLine(repair, ExitCodes.REFUSED, "Repair cannot recreate index idx_unique_entity on sync_metadata", "correct or remove them",
                "Nothing was changed");
        assertThat(snapshot(target)).isEqualTo(schema);
        assertThat(dump(target)).isEqualTo(rows);
    }

    /** The count functions live in a schema whose name needs quotes: repair pins them to it again. */
    @Test
    void aDisabledTriggerAnUnpinnedFunctionAChangedIndexAndADroppedCheckAreRepairedOnPostgresql() throws SQLException {
        ConnectionTarget database = TestPostgres.freshDatabase();
        String url = ((PostgresServer) database).jdbcUrl();
        try (Database admin = Database.open(database)) {
            StateRows.execute(admin, "CREATE SCHEMA \"Sync Data\"");
        }
        ConnectionTarget target = ConnectionTarget.postgres(url + "?currentSchema=" + URLEncoder.encode("\"Sync Data\"", StandardCharsets.UTF_8),
                TestPostgres.USER, new char[0]);
        try (Database syncDesk = Database.open(target)) {
            new MigrationService(syncDesk, "tester").upgrade(null, MigrationProgress.NONE);
            StateRows.insert(syncDesk, 300, 9);
        }
        List<String> schema = snapshot(target);
        asAnotherClient(target, "ALTER TABLE sync_metadata DISABLE TRIGGER sync_counts_update",
                "ALTER FUNCTION sync_metadata_count_changes() RESET search_path",
                "DROP INDEX idx_sync_batch", "CREATE INDEX idx_sync_batch ON sync_metadata (sync_batch_id, id)",
                "ALTER TABLE sync_metadata DROP CONSTRAINT valid_sync_status",
                "UPDATE sync_metadata SET sync_status = 'failed', last_error = 'uncounted' WHERE id % 4 = 0");

        CliRun validate = cli(target, "validate");
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(validate.err()).contains("Trigger sync_counts_update on sync_metadata is disabled (SyncDesk's; repair recreates it)",
                "Function sync_metadata_count_changes() differs from SyncDesk's", "search_path=<schema>, pg_temp",
                "Index idx_sync_batch on sync_metadata differs from SyncDesk's", "Check valid_sync_status on sync_metadata is missing");

        CliRun repair = cli(target, "repair");
        assertThat(repair.exitCode()).as(repair.err()).isEqualTo(ExitCodes.OK);
        CliRun again = cli(target, "validate");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        // A check added again from its definition reads back with its casts written differently; it refuses the same rows.
        assertThat(snapshot(target)).filteredOn(line -> !line.contains("constraint valid_sync_status"))
                .isEqualTo(schema.stream().filter(line -> !line.contains("constraint valid_sync_status")).toList());
        assertThatThrownBy(() -> asAnotherClient(target, "INSERT INTO sync_metadata (entity_type, entity_id, sync_status) VALUES ('issue', 'x', 'done')"))
                .hasMessageContaining("valid_sync_status");
        assertCountsMatchTheStates(target);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void validateAndRepairRefuseADatabaseOfAnotherApplication(Vendor vendor) throws Exception {
        ConnectionTarget target = TestDatabases.fresh(vendor, tempDir);
        asAnotherClient(target, "CREATE TABLE reports (id INTEGER PRIMARY KEY, title TEXT)", "INSERT INTO reports VALUES (1, 'Q3')");
        List<String> schema = snapshot(target);
        Map<String, List<String>> rows = dump(target);
        String file = vendor == Vendor.SQLITE ? Fingerprints.sha256(((SqliteFile) target).path()) : "";

        for (String command : List.of("validate", "repair")) {
            CliAssert.oneLine(cli(target, command), ExitCodes.REFUSED, "belongs to another application", "has not changed it");
        }
        assertThat(snapshot(target)).isEqualTo(schema);
        assertThat(dump(target)).isEqualTo(rows);
        if (vendor == Vendor.SQLITE) {
            assertThat(Fingerprints.sha256(((SqliteFile) target).path())).as("the file, byte for byte").isEqualTo(file);
        }
    }

    @Test
    void validateByARoleThatMayNotCreateTheReferenceSchemaIsRefusedNamingThePrivilege() {
        ConnectionTarget owner = migratedWithStates(Vendor.POSTGRESQL);
        ConnectionTarget readOnly = PostgresRoles.selectOnly(owner);

        CliAssert.oneLine(cli(readOnly, "validate"), ExitCodes.REFUSED, "The role " + ((PostgresServer) readOnly).user(),
                "may not CREATE schemas in database", "Nothing was changed");
    }

    private static CliRun cli(ConnectionTarget target, String command) {
        String[] where = switch (target) {
            case SqliteFile file -> new String[] {"--db", file.path().toString()};
            case PostgresServer server -> new String[] {"--url", server.jdbcUrl(), "--user", server.user()};
        };
        return CliRun.of(Stream.concat(Stream.of(command), Stream.of(where)).toArray(String[]::new));
    }

    private static void asAnotherClient(ConnectionTarget target, String... statements) {
        try (Database database = Database.open(target)) {
            for (String sql : statements) {
                StateRows.execute(database, sql);
            }
        }
    }

    private static List<String> snapshot(ConnectionTarget target) {
        try (Database database = Database.open(target)) {
            return SchemaSnapshot.capture(database);
        }
    }

    private static Map<String, List<String>> dump(ConnectionTarget target) {
        try (Database database = Database.open(target)) {
            return TableDump.of(database);
        }
    }

    private static void assertCountsMatchTheStates(ConnectionTarget target) throws SQLException {
        try (Database database = Database.open(target)) {
            CountTables.assertMatchTheStates(database, "now");
        }
    }
}
