package com.syncdesk.adoption;

import static com.syncdesk.adoption.SprintReports.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.TestPostgres;

/**
 * A sprint-reports database is named as such by status and by every command that refuses it, with the way
 * forward (adopt); what SyncDesk cannot adopt is refused with what differs; nothing is ever changed.
 */
class RecognitionTest {

    private static final String AT_008 = "is a sprint-reports database at Alembic revision 008_add_sprint_jira_metadata";

    @TempDir
    Path tempDir;

    @Test
    void statusSaysItIsASprintReportsDatabaseSyncDeskCanAdopt() {
        ConnectionTarget target = SprintReports.withRows();
        List<String> before = DatabaseImage.of(target);

        CliRun status = CliRun.of(cli(target, "status"));

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).endsWith("This is a sprint-reports database at Alembic revision 008_add_sprint_jira_metadata. "
                + "SyncDesk can adopt it (adopt); nothing was changed." + System.lineSeparator());
        try (Database database = Database.open(target)) {
            assertThat(Adoptions.of(database, "tester", tempDir).recognise().kind()).isEqualTo(Recognition.Kind.ADOPTABLE);
        }
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
    }

    @Test
    void everyCommandThatNeedsASyncDeskSchemaRefusesItNamingAdoptAndChangesNothing() {
        ConnectionTarget target = SprintReports.withRows();
        List<String> before = DatabaseImage.of(target);
        String backups = tempDir.resolve("backups").toString();

        for (String[] command : List.of(new String[] {"stats"}, new String[] {"stats", "--json"}, new String[] {"export", "--format", "csv"},
                new String[] {"export", "--format", "json"}, new String[] {"retry-failed", "--yes"}, new String[] {"retry", "--ids", "1", "--yes"},
                new String[] {"skip", "--ids", "1", "--yes"}, new String[] {"reset-errors", "--ids", "1", "--yes"}, new String[] {"conflicts", "list"},
                new String[] {"conflicts", "resolve", "--state", "1", "--take", "jira"}, new String[] {"history"},
                new String[] {"demo-data", "--entities", "10"}, new String[] {"migrate"}, new String[] {"migrate", "--to", "4"},
                new String[] {"downgrade", "--to", "4", "--yes"}, new String[] {"preview", "--to", "4"}, new String[] {"preview", "--to", "10"},
                new String[] {"validate"}, new String[] {"repair"})) {
            CliRun run = CliRun.of(cli(target, command));
            String name = String.join(" ", command);
            assertThat(run.exitCode()).as(name + ": " + run.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).as(name).hasLineCount(1).contains(AT_008).contains("run adopt").contains("Nothing was changed")
                    .doesNotContain("\tat ");
            assertThat(DatabaseImage.of(target)).as(name).isEqualTo(before);
        }
        assertThat(CliRun.of(cli(target, "backups", "--backup-dir", backups)).exitCode()).isZero();
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
    }

    @Test
    void validateAndRepairRefuseAnotherApplicationsDatabaseInsteadOfAnsweringSuccess() throws Exception {
        ConnectionTarget postgres = TestPostgres.freshDatabase();
        SprintReports.execute(postgres, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100))",
                "INSERT INTO customers VALUES (1, 'Ada')");
        Path sqlite = tempDir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO customers VALUES (1, 'Ada')");
        }
        List<String> postgresBefore = DatabaseImage.of(postgres);
        String sqliteBefore = Fingerprints.sha256(sqlite);

        for (String command : List.of("validate", "repair")) {
            for (CliRun run : List.of(CliRun.of(cli(postgres, command)), CliRun.of(command, "--db", sqlite.toString()))) {
                assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCodes.REFUSED);
                assertThat(run.err()).as(command).hasLineCount(1).contains("holds tables but no SyncDesk schema history")
                        .contains("another application").doesNotContain("sprint-reports");
            }
        }
        assertThat(DatabaseImage.of(postgres)).isEqualTo(postgresBefore);
        assertThat(Fingerprints.sha256(sqlite)).isEqualTo(sqliteBefore);
    }

    @Test
    void aDatabaseAtAnotherRevisionIsRefusedWithWhatDiffers() {
        ConnectionTarget target = SprintReports.withRows();
        // Revision 007 as that system left it: 008 adds six columns to sprints, a check and two indexes.
        SprintReports.execute(target, "ALTER TABLE sprints DROP COLUMN jira_last_updated, DROP COLUMN sync_status, DROP COLUMN sync_conflicts, "
                + "DROP COLUMN jira_board_name, DROP COLUMN jira_project_key, DROP COLUMN jira_version",
                "UPDATE alembic_version SET version_num = '007_align_sync_schema'");
        List<String> before = DatabaseImage.of(target);

        CliRun status = CliRun.of(cli(target, "status"));
        CliRun adopt = CliRun.of(cli(target, "adopt", "--yes", "--backup-dir", tempDir.toString()));
        CliRun stats = CliRun.of(cli(target, "stats"));

        for (CliRun run : List.of(status, adopt, stats)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).hasLineCount(1)
                    .contains("is a sprint-reports database at Alembic revision 007_align_sync_schema")
                    .contains("SyncDesk adopts revision 008_add_sprint_jira_metadata only")
                    .contains("alembic upgrade 008_add_sprint_jira_metadata")
                    .contains("missing column sprints.jira_board_name character varying(200)")
                    .contains("missing constraint sprints.valid_sync_status check")
                    .contains("Nothing was changed");
        }
        assertThat(adopt.out()).isEmpty();
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
        assertThat(tempDir).isEmptyDirectory();
    }

    @Test
    void aDatabaseWhereSomeoneAddedATableSyncDeskCreatesIsRefusedAndKeepsThatTable() {
        ConnectionTarget target = SprintReports.withRows();
        SprintReports.execute(target, "CREATE TABLE projects (id SERIAL PRIMARY KEY, project_key VARCHAR(20) NOT NULL, owner TEXT)",
                "INSERT INTO projects (project_key, owner) VALUES ('PROJ', 'alice'), ('OPS', 'bob')");
        List<String> before = DatabaseImage.of(target);

        CliRun adopt = CliRun.of(cli(target, "adopt", "--yes", "--backup-dir", tempDir.toString()));
        CliRun status = CliRun.of(cli(target, "status"));

        for (CliRun run : List.of(adopt, status)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).hasLineCount(1).contains(AT_008)
                    .contains("its schema is not the one that revision creates")
                    .contains("table projects is not part of 008_add_sprint_jira_metadata (SyncDesk's schema has a table of that name, "
                            + "which adopt would have to create)")
                    .doesNotContain("column projects.owner")
                    .contains("Nothing was changed");
        }
        assertThat(DatabaseImage.of(target)).isEqualTo(before).contains("id=1 project_key=PROJ owner=alice");
        assertThat(tempDir).isEmptyDirectory();
    }

    @Test
    void aHandMadeFlywayBaselineOnASprintReportsDatabaseIsRefusedBeforeAnyMigrationRuns() {
        ConnectionTarget target = SprintReports.withRows();
        try (Database database = Database.open(target)) {
            Flyway.configure(getClass().getClassLoader()).dataSource(database.dataSource()).locations("classpath:migrations/postgresql")
                    .baselineVersion("8").load().baseline();
        }
        List<String> before = DatabaseImage.of(target);

        for (String[] command : List.of(new String[] {"migrate"}, new String[] {"preview", "--to", "10"})) {
            CliRun run = CliRun.of(cli(target, command));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).hasLineCount(1).contains("is a sprint-reports database given a Flyway baseline at version 8 by hand")
                    .contains("Drop its flyway_schema_history table (it holds only that baseline), then run adopt. Nothing was changed.");
        }
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
    }

    @Test
    void aColumnOfAnotherTypeIsOneDifferenceNamingBothTypes() {
        List<String> expected = List.of("column sprints.name character varying(200) not null", "table sprints");
        List<String> actual = List.of("column sprints.name character varying(100) not null", "table sprints");

        assertThat(OriginInspector.differences(expected, actual)).containsExactly(
                "column sprints.name character varying(100) not null where 008_add_sprint_jira_metadata has character varying(200) not null");
    }

    @Test
    void aSqliteFileIsNeverTakenForASprintReportsDatabase() throws Exception {
        Path file = tempDir.resolve("alembic-lookalike.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
            statement.execute("INSERT INTO alembic_version VALUES ('008_add_sprint_jira_metadata')");
            statement.execute("CREATE TABLE sprints (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT)");
        }
        String before = Fingerprints.sha256(file);

        CliRun status = CliRun.of("status", "--db", file.toString());
        CliRun adopt = CliRun.of("adopt", "--yes", "--db", file.toString());

        assertThat(status.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(status.err()).contains("another application").doesNotContain("sprint-reports");
        assertThat(adopt.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(adopt.err()).hasLineCount(1).contains("is a SQLite file; sprint-reports ran on PostgreSQL only, so there is nothing to adopt");
        try (Database database = Database.open(ConnectionTarget.sqlite(file), Database.OpenMode.EXISTING_ONLY)) {
            assertThat(OriginInspector.inspect(database).isSprintReports()).isFalse();
        }
        assertThat(Fingerprints.sha256(file)).isEqualTo(before);
    }

    @Test
    void anotherApplicationsAlembicDatabaseIsNotTakenForSprintReports() {
        ConnectionTarget target = TestPostgres.freshDatabase();
        SprintReports.execute(target, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                "INSERT INTO alembic_version VALUES ('3f2a9c1d7e4b')", "CREATE TABLE invoices (id SERIAL PRIMARY KEY, total NUMERIC)");
        List<String> before = DatabaseImage.of(target);

        CliRun status = CliRun.of(cli(target, "status"));
        CliRun adopt = CliRun.of(cli(target, "adopt", "--yes", "--backup-dir", tempDir.toString()));

        assertThat(status.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(status.err()).contains("belongs to another application").doesNotContain("sprint-reports");
        assertThat(adopt.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(adopt.err()).contains("is not a sprint-reports database");
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
    }
}
