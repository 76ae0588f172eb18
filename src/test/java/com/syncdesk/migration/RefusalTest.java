package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class RefusalTest {

    @TempDir
    Path tempDir;

    @Test
    void aSchemaNewerThanTheAppIsRefusedEverywhereAndTheFileStaysByteIdentical() throws Exception {
        Path file = tempDir.resolve("newer.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(file))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 100);
            markAppliedByANewerSyncDesk(database);
        }
        String before = sha256(file);

        try (Database database = Database.open(ConnectionTarget.sqlite(file), Database.OpenMode.EXISTING_ONLY)) {
            MigrationService migrations = new MigrationService(database, "tester");
            SchemaStatus status = migrations.status();
            assertThat(status.isNewerThanApp()).isTrue();
            assertThat(status.migrations()).filteredOn(m -> m.version() == Versions.NEWER).extracting(MigrationEntry::state)
                    .containsExactly(MigrationState.FUTURE);
            for (ThrowingCallable attempt : List.<ThrowingCallable>of(
                    () -> migrations.upgrade(null, MigrationProgress.NONE),
                    () -> migrations.downgrade(4, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE),
                    () -> migrations.preview(4),
                    migrations::repair)) {
                assertThatThrownBy(attempt).isInstanceOf(DatabaseException.class)
                        .satisfies(refused(Reason.NEWER_SCHEMA))
                        .hasMessageContaining("is at version " + Versions.NEWER + ", newer than this SyncDesk knows (" + Versions.LATEST + ")");
            }
            assertThat(migrations.validate().problems()).anyMatch(problem -> problem.contains("newer than this SyncDesk"));
        }
        assertThat(sha256(file)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anotherApplicationsDatabaseIsRefusedAndLeftAsItWas(Vendor vendor) throws Exception {
        ConnectionTarget target = TestDatabases.fresh(vendor, tempDir);
        try (Database database = Database.open(target)) {
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100))");
                statement.execute("INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
            }
        }
        String before = vendor == Vendor.SQLITE ? sha256(((ConnectionTarget.SqliteFile) target).path()) : "";

        try (Database database = Database.open(target, Database.OpenMode.EXISTING_ONLY)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            List<String> schema = SchemaSnapshot.capture(database);
            for (ThrowingCallable attempt : List.<ThrowingCallable>of(
                    () -> migrations.upgrade(null, MigrationProgress.NONE), () -> migrations.preview(9))) {
                assertThatThrownBy(attempt).satisfies(refused(Reason.FOREIGN_SCHEMA))
                        .hasMessageContaining("holds tables but no SyncDesk schema history");
            }
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(schema);
            assertThat(SchemaSnapshot.tables(database)).containsExactly("customers");
            try (Connection connection = database.connection()) {
                assertThat(TableDump.rows(connection, "SELECT * FROM customers ORDER BY id")).containsExactly("id=1 name=Ada", "id=2 name=Grace");
                assertThat(connection.getMetaData().getTables(null, null, "flyway_schema_history", null).next()).isFalse();
            }
        }
        if (vendor == Vendor.SQLITE) {
            assertThat(sha256(((ConnectionTarget.SqliteFile) target).path())).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDatabaseAnotherSyncDeskIsMigratingIsRefusedUntilItHasFinished(Vendor vendor) throws Exception {
        ConnectionTarget target = TestDatabases.fresh(vendor, tempDir);
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester", tempDir.resolve("pg-backups")).upgrade(7, MigrationProgress.NONE);
        }
        String before = vendor == Vendor.SQLITE ? sha256(((ConnectionTarget.SqliteFile) target).path()) : "";

        try (Database other = Database.open(target); Database database = Database.open(target)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            try (MigrationLock held = MigrationLock.acquire(other)) {
                for (ThrowingCallable attempt : List.<ThrowingCallable>of(
                        () -> migrations.upgrade(null, MigrationProgress.NONE),
                        () -> migrations.downgrade(2, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE),
                        migrations::repair)) {
                    assertThatThrownBy(attempt).satisfies(refused(Reason.MIGRATION_IN_PROGRESS))
                            .hasMessageContaining("Another SyncDesk is changing the schema");
                }
                assertThat(migrations.status().currentVersion()).isEqualTo(7);
            }
            if (vendor == Vendor.SQLITE) {
                assertThat(sha256(((ConnectionTarget.SqliteFile) target).path())).isEqualTo(before);
            }
            assertThat(migrations.upgrade(null, MigrationProgress.NONE).currentVersion()).isEqualTo(Versions.LATEST);
        }
    }

    @Test
    void aSqliteFileAnotherProcessIsMigratingIsRefusedAndFreedWhenThatProcessIsKilled() throws Exception {
        Path file = tempDir.resolve("shared.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(file))) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        String before = sha256(file);
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MigrationChild.class.getName(), file.toString(), "hold")
                .redirectErrorStream(true).start();
        try (Database database = Database.open(ConnectionTarget.sqlite(file), Database.OpenMode.EXISTING_ONLY)) {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("STARTING");
            MigrationService migrations = new MigrationService(database, "tester");

            assertThatThrownBy(() -> migrations.upgrade(null, MigrationProgress.NONE)).satisfies(refused(Reason.MIGRATION_IN_PROGRESS));
            assertThat(sha256(file)).isEqualTo(before);

            holder.destroyForcibly();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(migrations.upgrade(null, MigrationProgress.NONE).currentVersion()).isEqualTo(Versions.LATEST);
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSqliteFileAnotherProgramHoldsExclusivelyIsReportedLockedWithinTheBusyTimeout() throws Exception {
        Path file = tempDir.resolve("busy.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(file))) {
            new MigrationService(database, "tester").upgrade(7, MigrationProgress.NONE);
        }
        String before = sha256(file);

        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Database database = Database.open(ConnectionTarget.sqlite(file), Database.OpenMode.EXISTING_ONLY)) {
            try (Statement statement = holder.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
            }
            MigrationService migrations = new MigrationService(database, "tester");
            Instant start = Instant.now();

            assertThatThrownBy(() -> migrations.upgrade(null, MigrationProgress.NONE))
                    .satisfies(refused(Reason.LOCKED))
                    .hasMessageContaining("is locked by another program");

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(Database.SQLITE_BUSY_TIMEOUT_MS * 3L));
            try (Statement statement = holder.createStatement()) {
                statement.execute("ROLLBACK");
            }
        }
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void readingTheStatusOfAFileAnotherProgramHoldsIsRefusedAsLockedAndKeepsThePoolUsable() throws Exception {
        Path file = tempDir.resolve("held.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(file))) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Database database = Database.open(ConnectionTarget.sqlite(file), Database.OpenMode.EXISTING_ONLY)) {
            MigrationService migrations = new MigrationService(database, "tester");
            try (Statement statement = holder.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
            }
            // More attempts than the pool has connections: each failed one must hand its connection back.
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThatThrownBy(migrations::status).satisfies(refused(Reason.LOCKED)).hasMessageContaining("is locked by another program");
            }
            try (Statement statement = holder.createStatement()) {
                statement.execute("ROLLBACK");
            }
            Instant start = Instant.now();
            assertThat(migrations.status().currentVersion()).isEqualTo(4);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static Consumer<Throwable> refused(Reason reason) {
        return failure -> {
            assertThat(failure).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) failure).reason()).isEqualTo(reason);
            assertThat(reason.isRefusal()).isTrue();
        };
    }

    static void markAppliedByANewerSyncDesk(Database database) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), "
                    + "'" + Versions.NEWER + "', 'from the future', 'SQL', 'V" + Versions.NEWER + "__from_the_future.sql', 42, 'future', 5, true)");
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
