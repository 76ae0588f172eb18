package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.LegacyDatabase;
import com.syncdesk.testing.Versions;

/**
 * The gaps RefusalTest, LegacyDatabaseTest and the CLI tests leave for databases in an unusual
 * state: what stats and the other service commands say about them, with which exit code, and that
 * the file is untouched.
 */
class SchemaStateRefusalTest {

    @TempDir
    Path tempDir;

    private static final List<String[]> READERS = List.of(new String[] {"stats"}, new String[] {"export", "--format", "csv"},
            new String[] {"conflicts", "list"}, new String[] {"retry-failed", "--yes"});

    private static String[] with(String[] command, Path db) {
        String[] args = Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--db";
        args[command.length + 1] = db.toString();
        return args;
    }

    private static void execute(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aSchemaNewerThanTheAppIsShownByStatusAndRefusedByEveryServiceCommand() throws Exception {
        Path db = tempDir.resolve("newer.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 50);
        }
        execute(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) VALUES (99, '" + Versions.NEWER + "', 'from the future', 'SQL', 'V" + Versions.NEWER + "__f.sql', 1, 'x', 1, 1)");
        String before = Fingerprints.sha256(db);

        CliRun status = CliRun.of("status", "--db", db.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("Schema version: " + Versions.NEWER + " (newer than this SyncDesk, which knows up to " + Versions.LATEST + ")");
        for (String[] command : READERS) {
            CliAssert.oneLine(CliRun.of(with(command, db)), ExitCodes.REFUSED, "newer than this SyncDesk knows (" + Versions.LATEST + ")");
        }
        assertThat(Fingerprints.sha256(db)).isEqualTo(before);
    }

    @Test
    void aLegacyDatabaseAtSixIsRefusedByServiceCommandsUntilMigratedAndThenWorks() throws Exception {
        Path db = tempDir.resolve("legacy.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            LegacyDatabase.craft(database);
        }
        String before = Fingerprints.sha256(db);
        for (String[] command : READERS) {
            CliAssert.oneLine(CliRun.of(with(command, db)), ExitCodes.REFUSED, "is at version 6", "migrate");
        }
        assertThat(Fingerprints.sha256(db)).isEqualTo(before);

        assertThat(CliRun.of("migrate", "--db", db.toString()).exitCode()).isZero();
        CliRun stats = CliRun.of("stats", "--db", db.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("Sync states: 0");
    }

    @Test
    void aHistoryWithAFailedMigrationIsShownByStatusRefusedEverywhereElseAndRepairable() throws Exception {
        Path db = tempDir.resolve("failed.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            new MigrationService(database, "tester").upgrade(8, MigrationProgress.NONE);
        }
        execute(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) VALUES (99, '9', 'add row versions and audit', 'SQL', 'V9__add_row_versions_and_audit.sql', "
                + "1, 'crashed', 1, 0)");
        String before = Fingerprints.sha256(db);

        CliRun status = CliRun.of("status", "--db", db.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("(?m)^9 +Failed");
        for (String[] command : List.of(new String[] {"migrate"}, new String[] {"downgrade", "--to", "4", "--yes"},
                new String[] {"preview", "--to", "4"}, new String[] {"stats"}, new String[] {"export"})) {
            CliAssert.oneLine(CliRun.of(with(command, db)), ExitCodes.REFUSED, "shows a failed migration", "repair");
        }
        assertThat(Fingerprints.sha256(db)).isEqualTo(before);

        assertThat(CliRun.of("repair", "--db", db.toString()).exitCode()).isZero();
        CliRun migrate = CliRun.of("migrate", "--db", db.toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("Schema upgraded from version 8 to " + Versions.LATEST + ".");
        assertThat(CliRun.of("stats", "--db", db.toString()).exitCode()).isZero();
    }
}
