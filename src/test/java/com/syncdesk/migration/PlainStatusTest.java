package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

/** The status read without Flyway is Flyway's own wherever it is used, and is not used where it could differ. */
class PlainStatusTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyScriptsChecksumIsFlywaysOwn(Vendor vendor) {
        for (MigrationCatalog.Script script : MigrationCatalog.scripts(vendor)) {
            int flyways = ChecksumCalculator.calculate(new CatalogResources(vendor).getResource(script.fileName()));
            assertThat(SchemaHistory.checksum(vendor, script)).as(script.fileName()).isEqualTo(flyways);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anEmptyAMigratedAPartlyMigratedAndADowngradedDatabaseReadAsFlywayReadsThem(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            SchemaHistory history = new SchemaHistory(database, "tester");
            MigrationService migrations = new MigrationService(database, "tester");
            assertSameAsFlyway(history, 0);

            migrations.upgrade(7, MigrationProgress.NONE);
            assertSameAsFlyway(history, 7);

            migrations.upgrade(null, MigrationProgress.NONE);
            assertSameAsFlyway(history, Versions.LATEST);

            migrations.downgrade(10, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
            SchemaStatus downgraded = assertSameAsFlyway(history, 10);
            assertThat(downgraded.migrations()).filteredOn(m -> m.version() > 10).extracting(MigrationEntry::state)
                    .containsOnly(MigrationState.UNDONE);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aFailedAChangedAFutureOrAForeignEntryIsLeftToFlyway(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            SchemaHistory history = new SchemaHistory(database, "tester");
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            String yes = vendor == Vendor.SQLITE ? "1" : "true";
            for (String change : new String[] {
                    "UPDATE flyway_schema_history SET success = " + (vendor == Vendor.SQLITE ? "0" : "false") + " WHERE version = '12'",
                    "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '9'",
                    "UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '9'",
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                            + "execution_time, success) VALUES (99, '99', 'from a newer SyncDesk', 'SQL', 'V99__x.sql', 1, 'x', 1, " + yes + ")",
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                            + "execution_time, success) VALUES (98, '6', 'removed', 'SQL', 'V6__x.sql', 1, 'x', 1, " + yes + ")",
                    "DELETE FROM flyway_schema_history WHERE version = '8'"}) {
                try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE kept AS SELECT * FROM flyway_schema_history");
                    statement.execute(change);
                }
                assertThat(history.plainStatus()).as(change).isEmpty();
                assertThat(history.status()).as(change).isEqualTo(history.flywayStatus());
                try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM flyway_schema_history");
                    statement.execute("INSERT INTO flyway_schema_history SELECT * FROM kept");
                    statement.execute("DROP TABLE kept");
                }
                assertThat(history.plainStatus()).as("after undoing " + change).isPresent();
            }
        }
    }

    private static SchemaStatus assertSameAsFlyway(SchemaHistory history, int version) {
        SchemaStatus plain = history.plainStatus().orElseThrow();
        assertThat(plain).isEqualTo(history.flywayStatus());
        assertThat(plain.currentVersion()).isEqualTo(version);
        assertThat(history.status()).isEqualTo(plain);
        return plain;
    }
}
