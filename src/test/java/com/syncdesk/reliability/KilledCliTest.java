package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.migration.Backup;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.ChildCli;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.Versions;

/**
 * SIGKILLs the real command line ({@code com.syncdesk.Launcher} in a child JVM) at random moments
 * of an upgrade, a downgrade, a restore, a demo-data load and bulk retry/skip on 200,000 sync
 * states. Afterwards the database opens, integrity_check is ok, its schema is a fresh database's
 * at the version its history names, and nothing committed is lost: a bulk action, a load and a
 * restore are all or nothing. Together with KilledMigrationTest's ten kills this makes 34 kill points.
 * Runs in the reliability-long profile (a few minutes).
 */
@Tag("reliability-long")
class KilledCliTest {

    private static final Logger LOG = LoggerFactory.getLogger(KilledCliTest.class);
    private static final int STATES = 200_000;
    private static final int BULK_ROWS = 10_000;
    private static final int DEMO_ENTITIES = 30_000;
    private static final int KILLS_PER_KIND = 4;

    @TempDir
    static Path shared;
    private static Path states;
    private static Path bulkAtLatest;
    private static Path bulkAtFour;
    private static Map<String, Long> figuresAtLatest;

    @TempDir
    Path tempDir;
    private final Random random = new Random(20261126);

    @BeforeAll
    static void templates() throws Exception {
        states = shared.resolve("states.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(states))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            StateRows.execute(database, "INSERT INTO sync_metadata (entity_type, entity_id, sync_status, error_count, last_error) "
                    + "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " + STATES + ") "
                    + "SELECT 'issue', 'E-' || n, CASE WHEN n % 2 = 0 THEN 'failed' ELSE 'pending' END, n % 2, "
                    + "CASE WHEN n % 2 = 0 THEN 'HTTP 503' END FROM g");
        }
        bulkAtLatest = shared.resolve("bulk-latest.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(bulkAtLatest))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, BULK_ROWS);
            figuresAtLatest = figures(database, FreshSchemas.recordColumnsAt(Vendor.SQLITE, Versions.LATEST).keySet());
        }
        bulkAtFour = shared.resolve("bulk-4.db");
        Files.copy(bulkAtLatest, bulkAtFour);
        try (Database database = Database.open(ConnectionTarget.sqlite(bulkAtFour))) {
            new MigrationService(database, "tester").downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
        }
    }

    /** One kind of work: how to prepare its file, how to run it, when it has started writing, and what must hold afterwards. */
    private interface Kind {
        Path prepare(Path dir) throws Exception;

        String[] args(Path db);

        Predicate<Path> started();

        /** @return a label of the state found ("before", "after", a version) */
        String check(Path db) throws Exception;
    }

    @Test
    void killedAtRandomMomentsEveryKindOfWorkLeavesAConsistentDatabaseAndLosesNothingCommitted() throws Exception {
        List<Kind> kinds = List.of(upgrade(), downgrade(), restore(), demoData(), bulk("retry", "pending", STATES / 2, STATES),
                bulk("skip", "skipped", 0, STATES));
        List<String> names = List.of("upgrade", "downgrade", "restore", "demo-data", "retry", "skip");
        Map<String, Integer> outcomes = new TreeMap<>();
        int kills = 0;
        for (int k = 0; k < kinds.size(); k++) {
            Kind kind = kinds.get(k);
            String name = names.get(k);
            long window = runToCompletion(kind, name);
            for (int i = 0; i < KILLS_PER_KIND; i++) {
                Path dir = Files.createDirectories(tempDir.resolve(name + "-" + i));
                Path db = kind.prepare(dir);
                Process child = ChildCli.start(dir.resolve("home"), kind.args(db));
                drain(child);
                awaitStart(child, kind.started(), db);
                Thread.sleep((long) (random.nextDouble() * window));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
                outcomes.merge(name + " -> " + kind.check(db), 1, Integer::sum);
            }
        }
        LOG.warn("Killed the CLI {} times; states found afterwards: {}", kills, outcomes);
        assertThat(kills).isGreaterThanOrEqualTo(24);
    }

    /** Runs once to the end and returns how long the work ran after it started writing. */
    private long runToCompletion(Kind kind, String name) throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve(name + "-complete"));
        Path db = kind.prepare(dir);
        Process child = ChildCli.start(dir.resolve("home"), kind.args(db));
        drain(child);
        awaitStart(child, kind.started(), db);
        long start = System.nanoTime();
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        long window = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(child.exitValue()).as(name).isZero();
        assertThat(kind.check(db)).as(name).isIn("after", String.valueOf(Versions.LATEST), "4");
        return window;
    }

    private Kind upgrade() {
        return new Kind() {
            public Path prepare(Path dir) throws IOException {
                return copy(bulkAtFour, dir);
            }

            public String[] args(Path db) {
                return new String[] {"migrate", "--db", db.toString()};
            }

            public Predicate<Path> started() {
                return KilledCliTest::opened;
            }

            public String check(Path db) throws Exception {
                int version = consistentVersion(db);
                assertThat(version).isIn(Versions.ALL.stream().filter(v -> v >= 4).toList());
                assertNoRowLost(db, 4);
                return String.valueOf(version);
            }
        };
    }

    private Kind downgrade() {
        return new Kind() {
            public Path prepare(Path dir) throws IOException {
                return copy(bulkAtLatest, dir);
            }

            public String[] args(Path db) {
                return new String[] {"downgrade", "--to", "4", "--yes", "--no-backup", "--db", db.toString()};
            }

            public Predicate<Path> started() {
                return KilledCliTest::opened;
            }

            public String check(Path db) throws Exception {
                int version = consistentVersion(db);
                assertNoRowLost(db, version);
                return String.valueOf(version);
            }
        };
    }

    /** Restores a backup taken at 9 over the same database downgraded to 7: afterwards it is wholly one or the other. */
    private Kind restore() {
        return new Kind() {
            Path backup;

            public Path prepare(Path dir) throws Exception {
                Path db = copy(bulkAtLatest, dir);
                try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
                    MigrationService migrations = new MigrationService(database, "tester");
                    Backup taken = migrations.backup(MigrationProgress.NONE);
                    backup = taken.location();
                    migrations.downgrade(7, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
                }
                return db;
            }

            public String[] args(Path db) {
                return new String[] {"restore", backup.toString(), "--yes", "--db", db.toString()};
            }

            public Predicate<Path> started() {
                return db -> {
                    try (Stream<Path> files = Files.list(db.resolveSibling("backups"))) {
                        return files.filter(f -> f.toString().endsWith(".db")).count() > 1;
                    } catch (IOException e) {
                        return false;
                    }
                };
            }

            public String check(Path db) throws Exception {
                int version = consistentVersion(db);
                assertThat(version).isIn(7, Versions.LATEST);
                assertNoRowLost(db, version);
                // Every file that passes for a backup is a whole, sound database.
                try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
                    for (Backup listed : new MigrationService(database, "tester").backups()) {
                        assertThat(integrity(listed.location())).as(listed.location().toString()).isEqualTo("ok");
                    }
                }
                return version == Versions.LATEST ? "after" : "before";
            }
        };
    }

    private Kind demoData() {
        return new Kind() {
            public Path prepare(Path dir) {
                return dir.resolve("demo.db");
            }

            public String[] args(Path db) {
                return new String[] {"demo-data", "--entities", String.valueOf(DEMO_ENTITIES), "--db", db.toString()};
            }

            public Predicate<Path> started() {
                return Files::exists;
            }

            public String check(Path db) throws Exception {
                if (!Files.exists(db) || Files.size(db) == 0) {
                    return "before";
                }
                int version = consistentVersion(db);
                if (version < 9) {
                    return "migrating " + version;
                }
                try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
                    long states = StateRows.scalar(database, "SELECT count(*) FROM sync_metadata");
                    long issues = StateRows.scalar(database, "SELECT count(*) FROM issues");
                    long history = StateRows.scalar(database, "SELECT count(*) FROM sync_history");
                    if (states == 0) {
                        assertThat(issues + history).isZero();
                        return "before";
                    }
                    assertThat(states).isGreaterThanOrEqualTo(DEMO_ENTITIES - 100);
                    assertThat(issues).isPositive();
                    assertThat(history).isPositive();
                    return "after";
                }
            }
        };
    }

    private Kind bulk(String command, String status, long before, long after) {
        return new Kind() {
            public Path prepare(Path dir) throws IOException {
                return copy(states, dir);
            }

            public String[] args(Path db) {
                return new String[] {command, "--yes", "--db", db.toString()};
            }

            public Predicate<Path> started() {
                return KilledCliTest::walGrew;
            }

            public String check(Path db) throws Exception {
                assertThat(consistentVersion(db)).isEqualTo(Versions.LATEST);
                try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
                    long count = StateRows.scalar(database, "SELECT count(*) FROM sync_metadata WHERE sync_status = '" + status + "'");
                    long audit = StateRows.scalar(database, "SELECT count(*) FROM audit_log");
                    assertThat(StateRows.scalar(database, "SELECT count(*) FROM sync_metadata")).isEqualTo(STATES);
                    assertThat(count).as("all or nothing").isIn(before, after);
                    assertThat(audit).isEqualTo(count == after ? 1 : 0);
                    return count == after ? "after" : "before";
                }
            }
        };
    }

    private static Path copy(Path template, Path dir) throws IOException {
        Path db = dir.resolve("work.db");
        Files.copy(template, db, StandardCopyOption.REPLACE_EXISTING);
        return db;
    }

    /** The child has opened the database (SQLite creates the write-ahead log beside it). */
    private static boolean opened(Path db) {
        return Files.exists(db.resolveSibling(db.getFileName() + "-wal"));
    }

    private static boolean walGrew(Path db) {
        try {
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void drain(Process child) {
        Thread.ofVirtual().start(() -> {
            try {
                child.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the child was killed
            }
        });
    }

    private static void awaitStart(Process child, Predicate<Path> started, Path db) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!started.test(db)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                return; // finished (or never wrote) before we looked: the check still applies
            }
            Thread.sleep(2);
        }
    }

    /** Opens as a fresh SyncDesk would: integrity ok, no failed history row, the schema of a fresh database at the version named. */
    private static int consistentVersion(Path db) throws Exception {
        assertThat(integrity(db)).isEqualTo("ok");
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
            SchemaStatus status = new MigrationService(database, "tester").status();
            assertThat(status.hasFailedMigration()).isFalse();
            assertThat(SchemaSnapshot.capture(database)).as("schema at %d", status.currentVersion())
                    .isEqualTo(FreshSchemas.at(Vendor.SQLITE, status.currentVersion()));
            return status.currentVersion();
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY);
             Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
            check.next();
            return check.getString(1);
        }
    }

    /** Every table of the schema at {@code version} that the bulk template had holds its rows (count and id sum). */
    private static void assertNoRowLost(Path db, int version) throws Exception {
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
            List<String> tables = new ArrayList<>(FreshSchemas.columnsAt(Vendor.SQLITE, version).keySet());
            tables.retainAll(figuresAtLatest.keySet().stream().map(k -> k.split(" ")[0]).toList());
            tables.remove("audit_log");
            Map<String, Long> found = figures(database, tables);
            Map<String, Long> expected = new TreeMap<>();
            found.keySet().forEach(key -> expected.put(key, figuresAtLatest.get(key)));
            assertThat(new TreeMap<>(found)).isEqualTo(expected);
        }
    }

    private static Map<String, Long> figures(Database database, Collection<String> tables) throws Exception {
        Map<String, Long> figures = new TreeMap<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                figures.put(table + " rows", single(statement, "SELECT count(*) FROM " + table));
                figures.put(table + " ids", single(statement, "SELECT coalesce(sum(id), 0) FROM " + table));
            }
        }
        return figures;
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
