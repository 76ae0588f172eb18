package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.MigrationChild;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.SqliteWorkerChild;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

/**
 * A restore, a migration and a lock met the way operators meet them: a sync worker writing beside
 * SyncDesk, the file reached through a symbolic link, and backups that are not what their names say.
 */
class RestoreAndLocksTest {

    @TempDir
    Path dir;

    private Path db;
    private Path backup;

    @BeforeEach
    void databaseWithABackup() {
        db = dir.resolve("ops.db");
        assertThat(CliRun.of("demo-data", "--db", db.toString(), "--entities", "300").exitCode()).isZero();
        CliRun taken = CliRun.of("backup", "--db", db.toString());
        Matcher location = Pattern.compile("Backup taken at schema version \\d+: (\\S+) \\(").matcher(taken.out());
        assertThat(location.find()).as(taken.out()).isTrue();
        backup = Path.of(location.group(1));
    }

    private long auditRows(String operator) {
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
            return StateRows.scalar(database, "SELECT count(*) FROM audit_log WHERE operator = '" + operator + "'");
        }
    }

    @Test
    void aRestoreWhileASyncWorkerHasTheFileOpenIsRefusedAndEveryRowItCommittedStays() throws Exception {
        int reported;
        try (SqliteWorkerChild.Running worker = SqliteWorkerChild.Running.start(db)) {
            worker.awaitCommitted(30);
            CliRun restore = CliRun.of("restore", backup.toString(), "--db", db.toString(), "--yes");
            CliAssert.oneLine(restore, ExitCodes.REFUSED, "open in another program", "nothing was changed");
            worker.awaitCommitted(worker.committed() + 10);
            reported = worker.stop();
        }
        assertThat(auditRows("worker")).as("every row the worker committed is in the live file").isGreaterThanOrEqualTo(reported);
        assertThat(Files.list(backup.getParent()).filter(f -> f.toString().endsWith(".db")).count()).as("no backup was taken").isEqualTo(1);
    }

    @Test
    void onceTheWorkerHasStoppedTheRestoreBringsTheBackupBackAndKeepsWhatItHeld() throws Exception {
        int reported;
        try (SqliteWorkerChild.Running worker = SqliteWorkerChild.Running.start(db)) {
            worker.awaitCommitted(25);
            reported = worker.stop();
        }
        CliRun restore = CliRun.of("restore", backup.toString(), "--db", db.toString(), "--yes");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(auditRows("worker")).as("the backup predates the worker").isZero();
        Matcher kept = Pattern.compile("The data as it was before is kept in (\\S+)\\.\\n").matcher(restore.out());
        assertThat(kept.find()).as(restore.out()).isTrue();
        try (Database before = Database.open(ConnectionTarget.sqlite(Path.of(kept.group(1))), Database.OpenMode.EXISTING_ONLY)) {
            assertThat(StateRows.scalar(before, "SELECT count(*) FROM audit_log WHERE operator = 'worker'")).isGreaterThanOrEqualTo(reported);
        }
    }

    @Test
    void aRestoreThroughASymbolicLinkRestoresTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path link = dir.resolve("link.db");
        Files.createSymbolicLink(link, db);
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            StateRows.execute(database, "DELETE FROM conflict_resolutions");
            StateRows.execute(database, "DELETE FROM sync_metadata");
        }

        CliRun restore = CliRun.of("restore", backup.toString(), "--db", link.toString(), "--yes");

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(db);
        try (Database database = Database.open(ConnectionTarget.sqlite(db), Database.OpenMode.EXISTING_ONLY)) {
            assertThat(StateRows.scalar(database, "SELECT count(*) FROM sync_metadata")).isEqualTo(300);
        }
        assertThat(CliRun.of("backups", "--db", link.toString()).out()).as("the link and the file list the same backups")
                .isEqualTo(CliRun.of("backups", "--db", db.toString()).out());
    }

    @Test
    void aSchemaChangeThroughASymbolicLinkIsRefusedWhileTheRealPathIsBeingMigrated() throws Exception {
        Path link = dir.resolve("link.db");
        Files.createSymbolicLink(link, db);
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MigrationChild.class.getName(), db.toString(), "hold").start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes("STARTING".length()), StandardCharsets.UTF_8)).isEqualTo("STARTING");
            String before = Fingerprints.sha256(db);
            for (List<String> command : List.of(List.of("downgrade", "--to", "4", "--yes"), List.of("migrate"),
                    List.of("restore", backup.toString(), "--yes"))) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--db", link.toString()));
                CliAssert.oneLine(CliRun.of(args.toArray(String[]::new)), ExitCodes.REFUSED, "changing the schema");
            }
            assertThat(Fingerprints.sha256(db)).isEqualTo(before);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBackupThatIsNotWhatItsNameSaysIsRefusedBeforeTheLiveFileIsTouched() throws Exception {
        Path folder = backup.getParent();
        Path truncated = folder.resolve("ops-20000101-000000-001-v" + Versions.LATEST + ".db");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(backup), (int) Files.size(backup) / 2));
        Path damaged = folder.resolve("ops-20000101-000000-002-v" + Versions.LATEST + ".db");
        Files.copy(backup, damaged);
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            for (long page = 2; page * 4096 < file.length(); page += 3) {
                file.seek(page * 4096 + 100);
                file.write(new byte[64]);
            }
        }
        Path foreign = folder.resolve("ops-20000101-000000-003-v" + Versions.LATEST + ".db");
        try (Database other = Database.open(ConnectionTarget.sqlite(foreign))) {
            StateRows.execute(other, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
        }
        Path text = folder.resolve("ops-20000101-000000-004-v" + Versions.LATEST + ".db");
        Files.writeString(text, "not a database at all\n");
        Path wrongVersion = folder.resolve("ops-20000101-000000-005-v4.db");
        Files.copy(backup, wrongVersion);

        String before = Fingerprints.sha256(db);
        for (Path bad : List.of(truncated, damaged, foreign, text, wrongVersion)) {
            CliRun restore = CliRun.of("restore", bad.toString(), "--db", db.toString(), "--yes");
            assertThat(restore.exitCode()).as(bad + ": " + restore.err()).isEqualTo(ExitCodes.REFUSED);
            CliAssert.plainLine(restore.err(), "is not a usable backup", "Nothing was changed");
            assertThat(Fingerprints.sha256(db)).as(bad.toString()).isEqualTo(before);
        }
    }

    @Test
    void aPostgresqlBackupWithAMissingShortOrGarbledFileIsRefusedBeforeAnyRowIsWritten() throws Exception {
        try (Database database = TestDatabases.open(Vendor.POSTGRESQL, dir)) {
            MigrationService migrations = new MigrationService(database, "tester", dir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 200);
            Path good = migrations.backup(MigrationProgress.NONE).location();
            StateRows.execute(database, "UPDATE sync_metadata SET last_error = 'after the backup'");
            Map<String, List<String>> before = TableDump.of(database);

            Map<String, Consumer<Path>> damages = new LinkedHashMap<>();
            damages.put("missing", folder -> delete(folder.resolve("sync_metadata.csv")));
            damages.put("cut short", folder -> {
                List<String> lines = readLines(folder.resolve("sync_metadata.csv"));
                write(folder.resolve("sync_metadata.csv"), String.join("\n", lines.subList(0, lines.size() / 2)) + "\n");
            });
            damages.put("garbled", folder -> write(folder.resolve("sprints.csv"), "<html><body>502 Bad Gateway</body></html>\n"));
            for (Map.Entry<String, Consumer<Path>> damage : damages.entrySet()) {
                Path copy = dir.resolve("pg-backups").resolve(good.getFileName() + "-" + damage.getKey().replace(' ', '-'));
                copyFolder(good, copy);
                damage.getValue().accept(copy);

                assertThatThrownBy(() -> migrations.restore(migrations.backupAt(copy), MigrationProgress.NONE)).as(damage.getKey())
                        .isInstanceOf(DatabaseException.class).hasMessageContaining("is not a usable backup")
                        .hasMessageEndingWith("Nothing was changed.");
                assertThat(TableDump.of(database)).as(damage.getKey()).isEqualTo(before);
            }
        }
    }

    private static void copyFolder(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
