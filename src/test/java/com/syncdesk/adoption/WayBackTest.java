package com.syncdesk.adoption;

import static com.syncdesk.adoption.SprintReports.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;

/** Below the adoption lies the backup taken before it: listed, named by the downgrade, and restored to the database the original runs on. */
class WayBackTest {

    @TempDir
    Path tempDir;

    @Test
    void restoringTheBackupTakenBeforeAdoptionGivesBackTheOriginalDatabaseExactly() {
        ConnectionTarget target = SprintReports.withRows();
        List<String> original = DatabaseImage.of(target);
        Backup backup = adopt(target).backup();
        // Work done in SyncDesk after the adoption goes with the restore.
        assertThat(CliRun.of(cli(target, "retry-failed", "--yes")).exitCode()).isZero();

        CliRun restore = CliRun.of(cli(target, "restore", backup.location().toString(), "--yes", "--backup-dir", tempDir.toString()));

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(DatabaseImage.of(target)).containsExactlyElementsOf(original);
        try (Database database = Database.open(target)) {
            assertThat(OriginInspector.inspect(database).isAdoptable()).isTrue();
        }
        // The original system goes on where it stopped: its enum takes its names and the ids continue.
        SprintReports.execute(target, "INSERT INTO sync_metadata (entity_type, entity_id, sync_status, error_count, sync_direction) "
                + "VALUES ('issue', 'after-restore', 'FAILED', 1, 'bidirectional')");
        assertThat(Rows.of(target, "sync_metadata")).containsKey((long) SprintReports.STATES + 1);
        assertThat(CliRun.of(cli(target, "status")).out()).contains("SyncDesk can adopt it (adopt)");
    }

    @Test
    void backupsListsTheBackupWithWhyItWasTaken() throws Exception {
        ConnectionTarget target = SprintReports.withRows();
        Backup backup = adopt(target).backup();

        CliRun backups = CliRun.of(cli(target, "backups", "--backup-dir", tempDir.toString()));

        assertThat(backups.exitCode()).isZero();
        assertThat(backups.out()).containsPattern("(?m)^TAKEN +VERSION +SIZE +LOCATION$")
                .containsPattern("(?m)^\\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}:\\d{2} [AP]M \\S+ +0 +[\\d.]+ KB  " + Pattern.quote(backup.location().toString())
                        + "  \\(before adoption, of the sprint-reports database at Alembic 008_add_sprint_jira_metadata\\)$");
        assertThat(backup.location().resolve("alembic_version.csv")).hasContent("version_num\n008_add_sprint_jira_metadata");
        assertThat(backup.location().resolve("users.csv")).content().contains("alice@example.com");
        if (Files.getFileAttributeView(backup.location(), PosixFileAttributeView.class) != null) {
            assertThat(Files.getPosixFilePermissions(backup.location())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(backup.location().resolve("sprint-reports-backup.json")).content().contains("\"why\" : \"before adoption\"")
                .contains("\"sequence\" : \"sync_metadata_id_seq\"");
    }

    @Test
    void aDowngradeBelowTheAdoptionNamesTheBackupAndChangesNothing() {
        ConnectionTarget target = SprintReports.withRows();
        Backup backup = adopt(target).backup();
        List<String> adopted = DatabaseImage.of(target);

        for (String[] command : List.of(new String[] {"preview", "--to", "9"}, new String[] {"downgrade", "--to", "9", "--yes"},
                new String[] {"downgrade", "--to", "0", "--yes"})) {
            CliRun run = CliRun.of(cli(target, concat(command, "--backup-dir", tempDir.toString())));
            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).hasLineCount(1).contains("Version 10 is where SyncDesk adopted")
                    .contains("(adopted from Alembic 008_add_sprint_jira_metadata): there is no SyncDesk schema below it")
                    .contains("restore the backup taken before adoption: restore " + backup.location())
                    .contains("Nothing was changed");
        }
        CliRun elsewhere = CliRun.of(cli(target, "preview", "--to", "9", "--backup-dir", tempDir.resolve("elsewhere").toString()));
        assertThat(elsewhere.err()).contains("it is not in " + tempDir.resolve("elsewhere") + "; look where adopt's --backup-dir pointed");
        assertThat(CliRun.of(cli(target, "preview", "--to", Integer.toString(Versions.LATEST))).out()).contains("The schema is at version " + Versions.LATEST + " already; nothing would run.");
        assertThat(DatabaseImage.of(target)).isEqualTo(adopted);
    }

    @Test
    void backupOfASprintReportsDatabaseTakesEveryTableAndRestoresOntoIt() {
        ConnectionTarget target = SprintReports.withRows();
        List<String> original = DatabaseImage.of(target);

        CliRun backup = CliRun.of(cli(target, "backup", "--backup-dir", tempDir.toString()));

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(DatabaseImage.of(target)).isEqualTo(original);
        Path location;
        try (Database database = Database.open(target)) {
            List<Backup> backups = Adoptions.migrations(database, "ops", tempDir).backups();
            assertThat(backups).singleElement().satisfies(b -> assertThat(b.reason())
                    .isEqualTo("on request, of the sprint-reports database at Alembic 008_add_sprint_jira_metadata"));
            location = backups.getFirst().location();
        }
        assertThat(backup.out()).contains("Backup taken at schema version 0: " + location);
        // The original system keeps working on its database; the backup brings back the moment it was taken.
        SprintReports.execute(target, "DELETE FROM conflict_resolutions", "UPDATE users SET is_active = false");

        CliRun restore = CliRun.of(cli(target, "restore", location.toString(), "--yes", "--backup-dir", tempDir.toString()));

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(DatabaseImage.of(target)).containsExactlyElementsOf(original);
    }

    @Test
    void aSprintReportsBackupIsNotRestoredOverAnotherDatabase() {
        ConnectionTarget target = SprintReports.withRows();
        Backup backup = adopt(target).backup();
        // The same database, later emptied and given a fresh SyncDesk schema by someone: no adoption in its history.
        SprintReports.execute(target, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        try (Database database = Database.open(target)) {
            Adoptions.migrations(database, "ops", tempDir).upgrade(null, MigrationProgress.NONE);
        }
        List<String> before = DatabaseImage.of(target);

        CliRun restore = CliRun.of(cli(target, "restore", backup.location().toString(), "--yes", "--backup-dir", tempDir.toString()));

        assertThat(restore.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(restore.err()).hasLineCount(1).contains("SyncDesk puts it back only onto that database, adopted or not")
                .contains("is at SyncDesk version " + Versions.LATEST + " without an adoption in its history. Nothing was changed.");
        assertThat(DatabaseImage.of(target)).isEqualTo(before);
    }

    @Test
    void aBackupOfAnotherDatabaseIsNotOffered() {
        ConnectionTarget target = SprintReports.withRows();
        Backup backup = adopt(target).backup();
        ConnectionTarget other = TestPostgres.freshDatabase();

        CliRun restore = CliRun.of(cli(other, "restore", backup.location().toString(), "--yes", "--backup-dir", tempDir.toString()));

        assertThat(restore.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(restore.err()).contains("is not a SyncDesk backup of");
    }

    private AdoptionResult adopt(ConnectionTarget target) {
        try (Database database = Database.open(target)) {
            return Adoptions.of(database, "ops", tempDir).adopt(MigrationProgress.NONE);
        }
    }

    private static String[] concat(String[] command, String... more) {
        String[] all = Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }
}
