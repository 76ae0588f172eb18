package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class BackupAndRestoreTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void backupThenChangesThenRestoreGivesTheBackedUpDataBackExactly(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 500);
            Map<String, List<String>> before = TableDump.of(database);

            Backup backup = migrations.backup(MigrationProgress.NONE);
            changeData(database);
            assertThat(TableDump.of(database)).isNotEqualTo(before);
            List<MigrationProgress.Step> steps = new ArrayList<>();
            RestoreReport report = migrations.restore(backup, steps::add);

            assertThat(TableDump.of(database)).isEqualTo(before);
            assertThat(report.status().currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat(step.total()).isPositive());
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, Versions.LATEST));
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO operators (username) VALUES ('after-restore')");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aLossyDowngradeBacksUpFirstAndRestoringAfterReUpgradeBringsEveryDroppedValueBack(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 500);
            Map<String, List<String>> before = TableDump.of(database);

            DowngradeReport down = migrations.downgrade(6, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE);
            assertThat(down.backup()).isPresent();
            assertThat(down.backup().get().version()).isEqualTo(Versions.LATEST);
            assertThat(migrations.backups()).contains(down.backup().get());
            assertThat(down.backup().get().reason()).isEqualTo("before the downgrade to 4");
            // The upgrade's plan says what it does not bring back, and which backup holds it (issue 15.14).
            MigrationPlan upgrade = migrations.preview(Versions.LATEST);
            assertThat(upgrade.reapplied()).extracting(Reapplied::version).contains(7, 9).doesNotContain(10);
            assertThat(upgrade.reapplied()).filteredOn(r -> r.version() == 9).singleElement().satisfies(nine -> {
                assertThat(nine.drops()).contains(new Drop("audit_log", null), new Drop("sync_metadata", "row_version"));
                assertThat(nine.undoneBy()).isEqualTo("tester");
                assertThat(nine.undoneAt().instant()).isAfterOrEqualTo(down.backup().get().takenAt());
                assertThat(nine.backup()).contains(down.backup().get());
            });
            migrations.upgrade(null, MigrationProgress.NONE);
            assertThat(migrations.preview(Versions.LATEST).reapplied()).as("nothing left to apply again").isEmpty();
            assertThat(TableDump.of(database)).isNotEqualTo(before);

            migrations.restore(down.backup().get(), MigrationProgress.NONE);

            assertThat(TableDump.of(database)).isEqualTo(before);
            assertThat(migrations.status().currentVersion()).isEqualTo(Versions.LATEST);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDowngradeThatDropsNoDataOrWhoseBackupWasDeclinedTakesNone(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            assertThat(migrations.downgrade(7, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE).backup()).isEmpty();
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 20);
            assertThat(migrations.downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE).backup()).isEmpty();
            assertThat(migrations.backups()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void backupsAreListedOldestFirstWithTimeVersionSizeAndLocation(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(4, MigrationProgress.NONE);
            Backup atFour = migrations.backup(MigrationProgress.NONE);
            migrations.upgrade(null, MigrationProgress.NONE);
            Backup atNine = migrations.backup(MigrationProgress.NONE);

            assertThat(migrations.backups()).containsExactly(atFour, atNine);
            assertThat(atNine.reason()).isEqualTo(Backup.BY_HAND);
            assertThat(atNine.version()).isEqualTo(Versions.LATEST);
            assertThat(atNine.sizeBytes()).isPositive();
            assertThat(atNine.takenAt()).isAfterOrEqualTo(atFour.takenAt());
            assertThat(migrations.backupAt(atNine.location())).isEqualTo(atNine);
            if (vendor == Vendor.SQLITE) {
                Path file = ((SqliteFile) database.target()).path();
                assertThat(atNine.location().getParent()).isEqualTo(file.resolveSibling("backups"));
                assertThat(atNine.location().getFileName().toString()).matches("test-\\d+-\\d{8}-\\d{6}-\\d{3}-v" + Versions.LATEST + "\\.db");
            } else {
                assertThat(atNine.location().getParent()).isEqualTo(tempDir.resolve("pg-backups"));
                assertThat(atNine.location().resolve("audit_log.csv")).isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = "SQLITE")
    void restoringASqliteFileKeepsTheReplacedStateAsAnotherBackup(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester");
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 50);
            Backup backup = migrations.backup(MigrationProgress.NONE);
            changeData(database);
            Map<String, List<String>> changed = TableDump.of(database);

            RestoreReport report = migrations.restore(backup, MigrationProgress.NONE);

            assertThat(report.previousState()).isPresent();
            assertThat(report.previousState().get().reason()).isEqualTo(Backup.BEFORE_RESTORE);
            assertThat(migrations.backups()).contains(report.previousState().get());
            try (Database previous = Database.open(ConnectionTarget.sqlite(report.previousState().get().location()))) {
                assertThat(TableDump.of(previous)).isEqualTo(changed);
            }
        }
    }

    private static void changeData(Database database) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE sync_metadata SET last_error = 'changed', api_calls_count = 99 WHERE id <= 100");
            statement.execute("DELETE FROM conflict_resolutions WHERE id > 400");
            statement.execute("DELETE FROM audit_log WHERE id % 2 = 0");
            statement.execute("INSERT INTO operators (username) VALUES ('newcomer')");
            statement.execute("UPDATE sprints SET jira_version = NULL, goal = 'new goal'");
        }
    }
}
