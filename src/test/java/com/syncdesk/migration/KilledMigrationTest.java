package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.Versions;

/**
 * Kills a child JVM with SIGKILL while it upgrades or downgrades a SQLite database of about 200,000
 * rows, then checks that the database opens at a consistent version with every row, and migrates on.
 */
class KilledMigrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(KilledMigrationTest.class);
    private static final int ROWS_PER_TABLE = 22_500;
    private static final int KILLS_PER_DIRECTION = 5;

    @TempDir
    static Path tempDir;

    private static Path atLatest;
    private static Path atFour;
    /** Per table and column of the full schema: how many non-null values it holds, plus the row count and id sum. */
    private static Map<String, Long> figuresAtLatest;

    @BeforeAll
    static void buildTemplates() throws Exception {
        atLatest = tempDir.resolve("template-latest.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(atLatest))) {
            MigrationService migrations = new MigrationService(database, "tester");
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, ROWS_PER_TABLE);
            figuresAtLatest = figures(database, FreshSchemas.recordColumnsAt(Vendor.SQLITE, Versions.LATEST));
        }
        atFour = tempDir.resolve("template-4.db");
        Files.copy(atLatest, atFour);
        try (Database database = Database.open(ConnectionTarget.sqlite(atFour))) {
            new MigrationService(database, "tester").downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
        }
    }

    @Test
    void aMigrationKilledAtAnyMomentLeavesAConsistentVersionWithEveryRowAndTheNextMigrateCompletes() throws Exception {
        Random random = new Random(20261126);
        long downMillis = runToCompletion("down");
        long upMillis = runToCompletion("up");
        Map<String, Integer> versionsFound = new TreeMap<>();
        int kills = 0;
        for (int i = 0; i < KILLS_PER_DIRECTION * 2; i++) {
            String direction = i % 2 == 0 ? "down" : "up";
            long window = direction.equals("down") ? downMillis : upMillis;
            Path db = copyTemplate(direction, "killed-" + i + ".db");
            Process child = start(db, direction);
            awaitStart(child);
            Thread.sleep((long) (random.nextDouble() * window));
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            kills++;

            int version = checkConsistent(db, direction);
            versionsFound.merge(direction + " -> " + version, 1, Integer::sum);
        }
        LOG.warn("Killed {} migrations of {} rows; versions found afterwards: {}", kills, figuresAtLatest.get("sync_metadata rows") * 9, versionsFound);
        assertThat(kills).isGreaterThanOrEqualTo(8);
    }

    private static long runToCompletion(String direction) throws Exception {
        Path db = copyTemplate(direction, "complete-" + direction + ".db");
        Process child = start(db, direction);
        awaitStart(child);
        long start = System.nanoTime();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(checkConsistent(db, direction)).isEqualTo(direction.equals("down") ? 4 : Versions.LATEST);
        return millis;
    }

    private static Path copyTemplate(String direction, String name) throws IOException {
        Path db = tempDir.resolve(name);
        Files.copy(direction.equals("down") ? atLatest : atFour, db, StandardCopyOption.REPLACE_EXISTING);
        return db;
    }

    private static Process start(Path db, String direction) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                MigrationChild.class.getName(), db.toString(), direction, direction.equals("down") ? "4" : String.valueOf(Versions.LATEST))
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitStart(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("STARTING")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("The child ended before it started migrating: " + seen);
    }

    /**
     * Opens the database as a fresh SyncDesk would: the history names one version, the schema is a
     * fresh database's at that version, every row of every surviving table is there with its values,
     * and the next migrate completes.
     */
    private static int checkConsistent(Path db, String direction) throws SQLException {
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
            try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                 ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            MigrationService migrations = new MigrationService(database, "tester");
            SchemaStatus status = migrations.status();
            int version = status.currentVersion();
            assertThat(status.hasFailedMigration()).isFalse();
            assertThat(SchemaSnapshot.capture(database)).as("schema at version %d", version).isEqualTo(FreshSchemas.at(Vendor.SQLITE, version));
            Map<String, List<String>> surviving = FreshSchemas.recordColumnsAt(Vendor.SQLITE, direction.equals("down") ? version : 4);
            assertThat(figures(database, surviving)).as("rows and values at version %d", version).isEqualTo(expected(surviving));

            migrations.upgrade(null, MigrationProgress.NONE);
            Map<String, List<String>> afterMigrate = FreshSchemas.recordColumnsAt(Vendor.SQLITE, direction.equals("down") ? Math.min(version, 4) : 4);
            assertThat(figures(database, afterMigrate)).isEqualTo(expected(afterMigrate));
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(Vendor.SQLITE, Versions.LATEST));
            return version;
        }
    }

    private static Map<String, Long> expected(Map<String, List<String>> columns) {
        Map<String, Long> expected = new LinkedHashMap<>();
        figuresAtLatest.forEach((key, value) -> {
            String[] parts = key.split(" ");
            if (columns.containsKey(parts[0]) && (parts[1].equals("rows") || parts[1].equals("ids") || columns.get(parts[0]).contains(parts[1]))) {
                expected.put(key, value);
            }
        });
        return expected;
    }

    private static Map<String, Long> figures(Database database, Map<String, List<String>> columns) throws SQLException {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String name = table.getKey();
                figures.put(name + " rows", single(statement, "SELECT count(*) FROM " + name));
                figures.put(name + " ids", single(statement, "SELECT coalesce(sum(id), 0) FROM " + name));
                for (String column : table.getValue()) {
                    figures.put(name + " " + column, single(statement, "SELECT count(" + column + ") FROM " + name));
                }
            }
        }
        return figures;
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
