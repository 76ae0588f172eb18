package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.Mounts;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.Versions;

/**
 * A SQLite file another program holds locked past the busy timeout, one on read-only storage, and a
 * disk that fills up during a migration and during a bulk action. Read-only storage and a full disk
 * need a tmpfs mount; where mounting is impossible those cases are skipped.
 */
class LockedReadOnlyAndFullDiskTest {

    private static final int ROWS = 10_000;

    @TempDir
    static Path shared;
    private static Path atNine;
    private static Path atFour;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void templates() throws Exception {
        atNine = shared.resolve("nine.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(atNine))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, ROWS);
        }
        atFour = shared.resolve("four.db");
        Files.copy(atNine, atFour);
        try (Database database = Database.open(ConnectionTarget.sqlite(atFour))) {
            new MigrationService(database, "tester").downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
        }
    }

    @Test
    void aFileLockedByAnotherProgramPastTheBusyTimeoutIsRefusedAsLockedAndLeftUnchanged() throws Exception {
        Path db = tempDir.resolve("locked.db");
        Files.copy(atNine, db);
        Map<String, List<String>> before;
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            before = TableDump.of(database);
        }
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = holder.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            for (String[] command : List.of(new String[] {"retry", "--yes"},
                    new String[] {"downgrade", "--to", "8", "--yes", "--no-backup"})) {
                long start = System.nanoTime();
                CliRun run = CliRun.of(concat(command, "--db", db.toString()));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                CliAssert.oneLine(run, ExitCodes.REFUSED, "is locked by another program");
                assertThat(took).as(command[0]).isGreaterThanOrEqualTo(Duration.ofMillis(Database.SQLITE_BUSY_TIMEOUT_MS - 500))
                        .isLessThan(Duration.ofSeconds(20));
            }
            // Reading the schema history needs a transaction too: refused as locked, within the busy timeout.
            CliAssert.oneLine(CliRun.of("status", "--db", db.toString()), ExitCodes.REFUSED, "is locked by another program");
            statement.execute("ROLLBACK");
        }
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            assertThat(TableDump.of(database)).isEqualTo(before);
        }
    }

    @Test
    void aDatabaseOnReadOnlyStorageCanBeReadAndExportedAndRefusesWritesClearly() throws Exception {
        Assumptions.assumeTrue(Mounts.available(), "mounting a tmpfs is not possible here");
        Path mount = tempDir.resolve("ro");
        Mounts.tmpfs(mount, "24m");
        try {
            Path db = mount.resolve("readonly.db");
            Files.copy(atNine, db);
            Mounts.remountReadOnly(mount);
            String before = Fingerprints.sha256(db);

            CliRun status = CliRun.of("status", "--db", db.toString());
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("Schema version: " + Versions.LATEST + " (latest)");
            CliRun stats = CliRun.of("stats", "--db", db.toString());
            assertThat(stats.exitCode()).as(stats.err()).isZero();
            assertThat(stats.out()).contains(String.format("Sync states: %,d", ROWS));
            Path csv = tempDir.resolve("export.csv");
            CliRun export = CliRun.of("export", "--db", db.toString(), "--format", "csv", "--out", csv.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(Files.readAllLines(csv)).hasSize(ROWS + 1);

            for (String[] command : List.of(new String[] {"retry", "--yes"}, new String[] {"skip", "--yes"},
                    new String[] {"migrate"}, new String[] {"downgrade", "--to", "8", "--yes", "--no-backup"})) {
                CliAssert.oneLine(CliRun.of(concat(command, "--db", db.toString())), ExitCodes.REFUSED, "read-only");
            }
            assertThat(Fingerprints.sha256(db)).isEqualTo(before);
            try (var files = Files.list(mount)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("readonly.db");
            }
        } finally {
            Mounts.unmount(mount);
        }
    }

    @Test
    void aDiskFillingUpDuringAMigrationRollsTheStepBackAndTheDatabaseOpensAtAConsistentVersion() throws Exception {
        Assumptions.assumeTrue(Mounts.available(), "mounting a tmpfs is not possible here");
        Path mount = tempDir.resolve("full");
        Mounts.tmpfs(mount, (Files.size(atFour) / 1024 / 1024 + 6) + "m");
        try {
            Path db = mount.resolve("migrating.db");
            Files.copy(atFour, db);
            Map<String, List<String>> rowsAtFour;
            try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
                rowsAtFour = FreshSchemas.dump(database, FreshSchemas.columnsAt(Vendor.SQLITE, 4));
            }
            Path filler = Mounts.fill(mount, 160 * 1024);

            CliRun migrate = CliRun.of("migrate", "--db", db.toString());
            CliAssert.oneLine(migrate, ExitCodes.FAILED, "is full", "rolled back");

            int version = checkConsistent(db);
            assertThat(version).isIn(4, 7, 8);
            try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
                assertThat(FreshSchemas.dump(database, FreshSchemas.columnsAt(Vendor.SQLITE, 4))).isEqualTo(rowsAtFour);
            }
            Files.delete(filler);
            CliRun again = CliRun.of("migrate", "--db", db.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(checkConsistent(db)).isEqualTo(Versions.LATEST);
        } finally {
            Mounts.unmount(mount);
        }
    }

    @Test
    void aDiskFillingUpDuringABulkActionRollsItBackWhole() throws Exception {
        Assumptions.assumeTrue(Mounts.available(), "mounting a tmpfs is not possible here");
        Path mount = tempDir.resolve("full");
        Mounts.tmpfs(mount, (Files.size(atNine) / 1024 / 1024 + 6) + "m");
        try {
            Path db = mount.resolve("acting.db");
            Files.copy(atNine, db);
            Map<String, List<String>> before;
            try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
                before = TableDump.of(database);
            }
            Path filler = Mounts.fill(mount, 160 * 1024);

            CliAssert.oneLine(CliRun.of("retry", "--yes", "--db", db.toString()), ExitCodes.FAILED, "is full", "rolled back");

            assertThat(checkConsistent(db)).isEqualTo(Versions.LATEST);
            try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
                assertThat(TableDump.of(database)).isEqualTo(before);
            }
            Files.delete(filler);
            CliRun retry = CliRun.of("retry", "--yes", "--db", db.toString());
            assertThat(retry.exitCode()).as(retry.err()).isZero();
        } finally {
            Mounts.unmount(mount);
        }
    }

    /** integrity_check ok, no failed history row, and the schema a fresh database has at the version the history names. */
    private static int checkConsistent(Path db) throws Exception {
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
            try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                 ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            var status = new MigrationService(database, "tester").status();
            assertThat(status.hasFailedMigration()).isFalse();
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(Vendor.SQLITE, status.currentVersion()));
            return status.currentVersion();
        }
    }

    private static String[] concat(String[] command, String... more) {
        String[] all = Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }
}
