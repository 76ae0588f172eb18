package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.Versions;

/**
 * Files that are not SyncDesk databases, given to status, migrate and stats and to Database.open:
 * each is refused with exit code 3 and one plain line, and stays byte for byte as it was.
 */
class BadFilesTest {

    /** The first bytes of a real 1x1 PNG image. */
    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082");

    @TempDir
    static Path shared;
    private static Path template;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void realDatabase() {
        template = shared.resolve("real.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(template))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 2_000);
        }
        assertThat(template.resolveSibling("real.db-wal")).doesNotExist();
    }

    enum Bad {
        TEXT(Reason.NOT_A_DATABASE, "is not a SQLite database"),
        IMAGE(Reason.NOT_A_DATABASE, "is not a SQLite database"),
        DIRECTORY(Reason.NOT_A_DATABASE, "is a folder, not a database file"),
        MISSING_FOLDER(Reason.NOT_FOUND, "does not exist"),
        TRUNCATED(Reason.CORRUPT, "is damaged"),
        OTHER_APPLICATION(Reason.FOREIGN_SCHEMA, "belongs to another application");

        final Reason reason;
        final String message;

        Bad(Reason reason, String message) {
            this.reason = reason;
            this.message = message;
        }
    }

    private Path make(Bad bad) throws Exception {
        Path path = tempDir.resolve("input.db");
        switch (bad) {
            case TEXT -> Files.writeString(path, "Sprint planning notes\n- ask JIRA admin about rate limits\n");
            case IMAGE -> Files.write(path, PNG);
            case DIRECTORY -> {
                Files.createDirectories(path);
                Files.writeString(path.resolve("inside.txt"), "a folder named like a database");
            }
            case MISSING_FOLDER -> path = tempDir.resolve("no-such-folder").resolve("syncdesk.db");
            case TRUNCATED -> {
                byte[] whole = Files.readAllBytes(template);
                Files.write(path, Arrays.copyOf(whole, whole.length / 2));
            }
            case OTHER_APPLICATION -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT, total NUMERIC)");
                    s.execute("INSERT INTO invoices (customer, total) VALUES ('ACME', 1200.50), ('Globex', 99)");
                }
            }
        }
        return path;
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void statusMigrateAndStatsRefuseInOneLineWithExitCodeThreeAndLeaveTheInputAsItWas(Bad bad) throws Exception {
        Path input = make(bad);
        Map<String, String> before = Fingerprints.tree(input);

        for (String command : List.of("status", "migrate", "stats")) {
            CliRun run = CliRun.of(command, "--db", input.toString());
            CliAssert.oneLine(run, ExitCodes.REFUSED, bad.message);
            assertThat(Fingerprints.tree(input)).as(command).isEqualTo(before);
        }
        if (bad == Bad.MISSING_FOLDER) {
            assertThat(input.getParent()).doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void databaseOpenRefusesWithTheReasonBeforeWritingAnything(Bad bad) throws Exception {
        Path input = make(bad);
        Map<String, String> before = Fingerprints.tree(input);
        for (Database.OpenMode mode : Database.OpenMode.values()) {
            if (bad == Bad.OTHER_APPLICATION) {
                // A valid SQLite file opens; SyncDesk refuses to migrate it.
                try (Database database = Database.open(ConnectionTarget.sqlite(input), mode)) {
                    assertThatThrownBy(() -> new MigrationService(database, "tester").checkSafeToMigrate())
                            .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(bad.reason))
                            .hasMessageContaining(bad.message);
                }
            } else {
                assertThatThrownBy(() -> Database.open(ConnectionTarget.sqlite(input), mode).close())
                        .isInstanceOfSatisfying(DatabaseException.class, e -> {
                            assertThat(e.reason()).isEqualTo(bad.reason);
                            assertThat(e.reason().isRefusal()).isTrue();
                        })
                        .hasMessageContaining(bad.message);
            }
            assertThat(Fingerprints.tree(input)).as(mode.name()).isEqualTo(before);
        }
    }

    /**
     * Decision: an empty file is an empty SQLite database. Status reports version 0 and leaves it at
     * 0 bytes; reading commands refuse it (no schema yet, run migrate); migrate creates the schema in it.
     */
    @Test
    void anEmptyFileIsAnEmptyDatabaseThatOnlyMigrateWritesTo() throws Exception {
        Path empty = Files.createFile(tempDir.resolve("empty.db"));

        CliRun status = CliRun.of("status", "--db", empty.toString());
        assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("Schema version: 0");
        assertThat(Files.size(empty)).isZero();

        for (String command : List.of("stats", "export")) {
            CliAssert.oneLine(CliRun.of(command, "--db", empty.toString()), ExitCodes.REFUSED, "holds no SyncDesk schema yet", "Run migrate");
            assertThat(Files.size(empty)).as(command).isZero();
        }
        try (Database database = Database.open(ConnectionTarget.sqlite(empty), Database.OpenMode.EXISTING_ONLY)) {
            assertThat(new MigrationService(database, "tester").status().currentVersion()).isZero();
        }
        assertThat(Files.size(empty)).isZero();

        CliRun migrate = CliRun.of("migrate", "--db", empty.toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("Schema upgraded from version 0 to " + Versions.LATEST + ".");
    }

    @Test
    void aDatabaseWithCorruptedPagesIsReportedDamagedByExportAndValidateAndLeftAsItWas() throws Exception {
        Path db = tempDir.resolve("corrupt.db");
        Files.copy(template, db);
        int pageSize;
        int rootPage;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            pageSize = single(s, "PRAGMA page_size");
            rootPage = single(s, "SELECT rootpage FROM sqlite_master WHERE name = 'sync_metadata'");
        }
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            // The b-tree page header of sync_metadata's root: an invalid page type and garbage cell counts.
            file.seek((long) (rootPage - 1) * pageSize);
            file.write(new byte[] {0x77, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55});
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet check = s.executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isNotEqualTo("ok");
        }
        String before = Fingerprints.sha256(db);

        // The dashboard's figures come from V10's count tables, which the damage did not touch; reading the states does.
        CliAssert.oneLine(CliRun.of("export", "--db", db.toString(), "--format", "json"), ExitCodes.REFUSED, "is damaged", "Restore it from a backup");
        CliRun validate = CliRun.of("validate", "--db", db.toString());
        CliAssert.oneLine(validate, ExitCodes.FAILED, "is damaged", "integrity check");
        assertThat(Fingerprints.sha256(db)).isEqualTo(before);
    }

    private static int single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
