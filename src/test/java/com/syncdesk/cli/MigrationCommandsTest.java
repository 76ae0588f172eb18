package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.LegacyDatabase;
import com.syncdesk.testing.SampleRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;

class MigrationCommandsTest {

    @TempDir
    Path tempDir;

    private Path databaseWithRows() {
        Path db = tempDir.resolve("ops.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            SampleRows.insertAt(database, 9, 1);
            SampleRows.insertAt(database, 9, 2);
        }
        return db;
    }

    @Test
    void previewPrintsTheUndoStatementsNewestFirstAndTheDataLossReport() {
        Path db = databaseWithRows();

        CliRun preview = CliRun.of("preview", "--to", "4", "--db", db.toString());

        assertThat(preview.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(preview.out()).contains("Downgrade from version " + Versions.LATEST + " to 4 would run")
                .contains("-- Undo 9 (add row versions and audit)\nDROP TABLE audit_log;")
                .contains("DELETE FROM flyway_schema_history WHERE version = '9';")
                .contains("-- Undo 7 (align sync schema)")
                .contains("Data loss report:")
                .contains("table audit_log: 2 rows (undo 9)")
                .contains("column sprints.jira_version: 2 non-null values (undo 8)")
                .contains("column sync_metadata.conflicts: 2 non-null values (undo 7)");
        assertThat(preview.out().indexOf("-- Undo 9")).isLessThan(preview.out().indexOf("-- Undo 8"));
        assertThat(CliRun.of("status", "--db", db.toString()).out()).contains("Schema version: " + Versions.LATEST + " (latest)");
    }

    @Test
    void previewOfAnUpgradeListsTheMigrationStatements() {
        Path db = tempDir.resolve("ops.db");
        assertThat(CliRun.of("migrate", "--to", "4", "--db", db.toString()).exitCode()).isZero();

        CliRun preview = CliRun.of("preview", "--to", "9", "--db", db.toString());

        assertThat(preview.out()).contains("Upgrade from version 4 to 9 would run:").contains("-- Upgrade to 8 (add sprint jira metadata)")
                .contains("ALTER TABLE sprints ADD COLUMN jira_version VARCHAR(20);").doesNotContain("Data loss");
    }

    @Test
    void aLossyDowngradeWithoutATerminalNeedsYesAndOtherwiseChangesNothing() {
        Path db = databaseWithRows();

        CliRun declined = CliRun.of("downgrade", "--to", "4", "--db", db.toString());

        assertThat(declined.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(declined.err()).hasLineCount(1).contains("loses data").contains("run again with --yes");
        assertThat(declined.out()).contains("table audit_log: 2 rows").contains("Downgrade declined; nothing was changed.");
        assertThat(CliRun.of("status", "--db", db.toString()).out()).contains("Schema version: " + Versions.LATEST);
        assertThat(tempDir.resolve("backups")).doesNotExist();
    }

    @Test
    void aConfirmedLossyDowngradeBacksUpFirstThenBackupsListsTheBackup() {
        Path db = databaseWithRows();

        CliRun downgrade = CliRun.of("downgrade", "--to", "4", "--yes", "--db", db.toString());
        int undone = Versions.above(4).size();

        assertThat(downgrade.exitCode()).as(downgrade.err()).isEqualTo(ExitCodes.OK);
        assertThat(downgrade.out()).contains("A backup will be taken first into " + tempDir.resolve("backups"))
                .contains("[" + (undone - 2) + "/" + undone + "] Undo 9 (add row versions and audit) done")
                .contains("[" + undone + "/" + undone + "] Undo 7 (align sync schema) done")
                .contains("Backup taken: " + tempDir.resolve("backups").resolve("ops-"))
                .contains("Schema downgraded from version " + Versions.LATEST + " to 4.");
        CliRun backups = CliRun.of("backups", "--db", db.toString());
        assertThat(backups.out()).containsPattern("(?m)^TAKEN +VERSION +SIZE +LOCATION$")
                .containsPattern("(?m)^\\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}:\\d{2} [AP]M \\S+ +" + Versions.LATEST
                        + " +[\\d.]+ KB +.*ops-\\d{8}-\\d{6}-\\d{3}-v" + Versions.LATEST + "\\.db  \\(before the downgrade to 4\\)$");
        CliRun status = CliRun.of("status", "--db", db.toString());
        assertThat(status.out()).contains("Schema version: 4").containsPattern("(?m)^9 +Undone +add row versions and audit");
        // Upgrading again brings the dropped tables and columns back empty; the preview says so and names the backup (issue 15.14).
        CliRun upgrade = CliRun.of("preview", "--to", String.valueOf(Versions.LATEST), "--db", db.toString());
        assertThat(upgrade.out()).contains("Not brought back by this upgrade:")
                .containsPattern("Version 9 \\(add row versions and audit\\) was undone by the downgrade of .+ \\(\\S+\\)\\. Upgrading brings back "
                        + "table audit_log, column sync_metadata.row_version, column conflict_resolutions.row_version, column conflict_resolutions.base_value "
                        + "empty: the values dropped then "
                        + "are not restored; restore the backup taken then \\(.+ops-\\d{8}-\\d{6}-\\d{3}-v" + Versions.LATEST + "\\.db\\) to get them back\\.");
    }

    @Test
    void noBackupSkipsTheBackupAndADowngradeThatLosesNothingNeedsNoConfirmation() {
        Path db = databaseWithRows();
        CliRun withoutBackup = CliRun.of("downgrade", "--to", "8", "--yes", "--no-backup", "--db", db.toString());
        assertThat(withoutBackup.out()).contains("No backup will be taken (--no-backup).").doesNotContain("Backup taken");
        assertThat(tempDir.resolve("backups")).doesNotExist();

        Path empty = tempDir.resolve("empty.db");
        CliRun.of("migrate", "--db", empty.toString());
        CliRun lossless = CliRun.of("downgrade", "--to", "2", "--db", empty.toString());
        assertThat(lossless.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(lossless.out()).contains("Schema downgraded from version " + Versions.LATEST + " to 2.");
    }

    @Test
    void backupThenRestoreWithYesBringsTheDataBackAndKeepsTheReplacedFile() throws SQLException {
        Path db = databaseWithRows();
        CliRun backup = CliRun.of("backup", "--db", db.toString());
        assertThat(backup.exitCode()).isZero();
        Matcher location = Pattern.compile("Backup taken at schema version " + Versions.LATEST + ": (\\S+) \\(").matcher(backup.out());
        assertThat(location.find()).as(backup.out()).isTrue();
        Map<String, List<String>> before;
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            before = TableDump.of(database);
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM audit_log");
            }
        }

        CliRun unconfirmed = CliRun.of("restore", location.group(1), "--db", db.toString());
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(unconfirmed.err()).hasLineCount(1).contains("--yes");

        CliRun restore = CliRun.of("restore", Path.of(location.group(1)).getFileName().toString(), "--yes", "--db", db.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + location.group(1) + "; the schema is at version " + Versions.LATEST + ".")
                .contains("The data as it was before is kept in ");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            assertThat(TableDump.of(database)).isEqualTo(before);
        }
    }

    @Test
    void restoringSomethingThatIsNotABackupIsAUsageErrorInOneLine() throws Exception {
        Path db = databaseWithRows();
        Path stray = Files.writeString(tempDir.resolve("stray.db"), "not a backup");
        CliRun run = CliRun.of("restore", stray.toString(), "--yes", "--db", db.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).hasLineCount(1).contains("is not a SyncDesk backup of");
    }

    @Test
    void validateAndRepairReportInPlainWords() {
        Path db = databaseWithRows();
        CliRun validate = CliRun.of("validate", "--db", db.toString());
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("matches this SyncDesk's migrations");
        CliRun repair = CliRun.of("repair", "--db", db.toString());
        assertThat(repair.exitCode()).isZero();
        assertThat(repair.out()).contains("Repaired the schema history and recounted the dashboard's counts of " + db);
    }

    @Test
    void aLegacyDatabaseShowsSixAsToleratedAndMigrateReportsTheMergedRows() throws SQLException {
        Path db = tempDir.resolve("legacy.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            LegacyDatabase.craft(database);
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO sync_states (entity_type, entity_id, sync_status, created_at) VALUES "
                        + "('issue', 'L-1', 'pending', '2025-01-01 00:00:00'), ('issue', 'L-2', 'failed', '2025-01-01 00:00:00')");
            }
        }
        assertThat(CliRun.of("status", "--db", db.toString()).out()).contains("Schema version: 6")
                .containsPattern("(?m)^6 +Missing \\(tolerated\\) +add sync states table +.+ +legacy");
        assertThat(CliRun.of("validate", "--db", db.toString()).exitCode()).isZero();

        CliRun migrate = CliRun.of("migrate", "--db", db.toString());

        assertThat(migrate.exitCode()).isZero();
        assertThat(migrate.out()).contains("Schema upgraded from version 6 to " + Versions.LATEST + ".")
                .contains("Merged 2 rows of the legacy sync_states table into sync_metadata.");
    }

    @Test
    void commandsOnANewerSchemaAreRefusedWithExitCodeThreeInOneLine() throws SQLException {
        Path db = databaseWithRows();
        try (Database database = Database.open(ConnectionTarget.sqlite(db)); Connection connection = database.connection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (99, '" + Versions.NEWER + "', 'from the future', 'SQL', 'V" + Versions.NEWER + "__f.sql', 1, 'x', 1, true)");
        }
        for (String[] command : List.of(new String[] {"downgrade", "--to", "4", "--yes"}, new String[] {"preview", "--to", "4"},
                new String[] {"migrate"}, new String[] {"repair"})) {
            String[] args = Stream.concat(Arrays.stream(command), Stream.of("--db", db.toString()))
                    .toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(command[0]).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).as(command[0]).hasLineCount(1).contains("newer than this SyncDesk knows (" + Versions.LATEST + ")").doesNotContain("\tat ");
        }
    }

    @Test
    void aTargetBetweenTheSchemasVersionsIsRefusedNamingTheNearestLowerOne() {
        Path db = databaseWithRows();
        for (String[] command : List.of(new String[] {"preview", "--to", "6"}, new String[] {"downgrade", "--to", "6", "--yes"})) {
            CliRun run = CliRun.of(Stream.concat(Arrays.stream(command), Stream.of("--db", db.toString())).toArray(String[]::new));
            assertThat(run.exitCode()).as(command[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command[0]).hasLineCount(1)
                    .contains("Version 6 is not part of this schema; the nearest lower version is 4. Name 4 to go there; nothing was changed.");
        }
        Path fresh = tempDir.resolve("fresh.db");
        assertThat(CliRun.of("migrate", "--to", "2", "--db", fresh.toString()).exitCode()).isZero();
        CliRun migrate = CliRun.of("migrate", "--to", "5", "--db", fresh.toString());
        assertThat(migrate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(migrate.err()).contains("Version 5 is not part of this schema; the nearest lower version is 4.");
        assertThat(CliRun.of("status", "--db", db.toString()).out()).contains("Schema version: " + Versions.LATEST + " (latest)");
        assertThat(CliRun.of("status", "--db", fresh.toString()).out()).contains("Schema version: 2 ");
    }

    @Test
    void aLegacyDatabaseNamesVersionSixSoItIsATarget() {
        Path db = tempDir.resolve("legacy.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            LegacyDatabase.craft(database);
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
        }
        CliRun preview = CliRun.of("preview", "--to", "6", "--db", db.toString());
        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.out()).contains("Downgrade from version " + Versions.LATEST + " to 6 would run");
    }

    @Test
    void downgradeWithoutATargetIsAUsageError() {
        assertThat(CliRun.of("downgrade", "--db", databaseWithRows().toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("preview").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void onPostgresqlDowngradeBacksUpToTheBackupFolderAndRestoreLoadsTheValuesBack() throws Exception {
        PostgresServer server = (PostgresServer) TestPostgres.freshDatabase();
        Map<String, List<String>> before;
        try (Database database = Database.open(server)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            SampleRows.insertAt(database, 9, 1);
            before = TableDump.of(database);
        }
        String[] connection = {"--url", server.jdbcUrl(), "--user", server.user()};
        Path folder = tempDir.resolve("pg-backups");

        CliRun downgrade = CliRun.of(concat(new String[] {"downgrade", "--to", "4", "--yes", "--backup-dir", folder.toString()}, connection));
        assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
        assertThat(downgrade.out()).contains("Backup taken: " + folder.resolve(server.jdbcUrl().substring(server.jdbcUrl().lastIndexOf('/') + 1) + "-"));
        CliRun backups = CliRun.of(concat(new String[] {"backups", "--backup-dir", folder.toString()}, connection));
        assertThat(backups.out()).contains("  " + folder);
        Path backup;
        try (var listing = Files.list(folder)) {
            backup = listing.findFirst().orElseThrow();
        }
        assertThat(backup.resolve("audit_log.csv")).isRegularFile();

        CliRun restore = CliRun.of(concat(new String[] {"restore", backup.toString(), "--yes", "--backup-dir", folder.toString()}, connection));

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("the schema is at version " + Versions.LATEST + ".");
        try (Database database = Database.open(server)) {
            assertThat(TableDump.of(database)).isEqualTo(before);
        }
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }
}
