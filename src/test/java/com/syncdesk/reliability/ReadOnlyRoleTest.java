package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Workspace;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;
import com.syncdesk.testing.Mounts;
import com.syncdesk.testing.PostgresRoles;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.TestWorkspaces;
import com.syncdesk.testing.Versions;

/**
 * A PostgreSQL role that may only read: every change is refused with exit code 3 before its first statement,
 * naming the role and what it lacks, and the database is as it was; reading, exporting and backing up work.
 */
class ReadOnlyRoleTest {

    @TempDir
    Path tempDir;

    @Test
    void everyChangeByASelectOnlyRoleIsRefusedNamingThePrivilegeAndChangesNothing() throws Exception {
        ConnectionTarget owner = TestPostgres.freshDatabase();
        Path backups = tempDir.resolve("backups");
        ok(as(owner, "migrate"));
        ok(as(owner, "demo-data", "--entities", "300"));
        ok(as(owner, "backup", "--backup-dir", backups.toString()));
        Path backup;
        try (Stream<Path> taken = Files.list(backups)) {
            backup = taken.findFirst().orElseThrow();
        }
        long stateWithConflicts = scalar(owner, "SELECT min(sync_metadata_id) FROM conflict_resolutions WHERE NOT is_resolved");
        ok(as(owner, "downgrade", "--to", "10", "--no-backup", "--yes"));
        ConnectionTarget readOnly = PostgresRoles.selectOnly(owner);
        String role = ((PostgresServer) readOnly).user();
        Picture before = Picture.of(owner);

        refused(as(readOnly, "migrate"), owner, before, role, "does not own SyncDesk's tables: only their owner, postgres, may upgrade or downgrade the schema");
        ok(as(owner, "migrate"));
        before = Picture.of(owner);

        String acting = "UPDATE sync_metadata, nor INSERT INTO audit_log, sync_state_counts, sync_duration_counts or sync_error_counts "
                + "(needed to retry, skip or reset sync states)";
        refused(as(readOnly, "retry-failed", "--yes"), owner, before, role, acting);
        refused(as(readOnly, "retry", "--yes", "--status", "failed"), owner, before, role, acting);
        refused(as(readOnly, "skip", "--yes", "--ids", "1,2"), owner, before, role, acting);
        refused(as(readOnly, "reset-errors", "--yes"), owner, before, role, acting);
        refused(as(readOnly, "conflicts", "resolve", "--state", Long.toString(stateWithConflicts), "--take", "jira"), owner, before, role,
                "UPDATE sync_metadata, conflict_resolutions", "DELETE FROM projects", "INSERT INTO operators", "needed to resolve conflicts");
        refused(as(readOnly, "downgrade", "--to", "9", "--no-backup", "--yes"), owner, before, role, "does not own",
                "only their owner, postgres, may upgrade or downgrade the schema");
        refused(as(readOnly, "repair"), owner, before, role, "DELETE FROM flyway_schema_history", "UPDATE flyway_schema_history",
                "needed to repair the schema");
        refused(as(readOnly, "restore", backup.toString(), "--yes", "--backup-dir", backups.toString()), owner, before, role,
                "INSERT INTO projects", "UPDATE the id sequences of projects, boards", "needed to restore a backup");

        // Reading is what such a role is for: figures, exports and a backup (it writes files only) work.
        assertThat(ok(as(readOnly, "stats")).out()).contains("Sync states: 300");
        ok(as(readOnly, "export", "--format", "json", "--out", tempDir.resolve("states.json").toString()));
        ok(as(readOnly, "status"));
        ok(as(readOnly, "backup", "--backup-dir", tempDir.resolve("ro-backups").toString()));
        assertThat(Picture.of(owner)).isEqualTo(before);
    }

    @Test
    void aBackupByARoleThatMayNotReadATableIsRefusedNamingIt() throws Exception {
        ConnectionTarget owner = TestPostgres.freshDatabase();
        ok(as(owner, "migrate"));
        ConnectionTarget partial = PostgresRoles.selectOnly(owner, "audit_log");
        Path backups = tempDir.resolve("backups");

        CliRun run = as(partial, "backup", "--backup-dir", backups.toString());

        CliAssert.oneLine(run, ExitCodes.REFUSED, ((PostgresServer) partial).user(), "may not SELECT FROM audit_log", "needed to take a backup",
                "Nothing was changed");
        assertThat(backups).doesNotExist();
    }

    /** Work that checks nothing first still meets PostgreSQL's refusal, and it is a refusal in words, not a crash. */
    @Test
    void aWriteThePrivilegeChecksDidNotForeseeIsARefusalNamingTheTable() throws SQLException {
        ConnectionTarget owner = TestPostgres.freshDatabase();
        ok(as(owner, "migrate"));
        ok(as(owner, "demo-data", "--entities", "100"));
        ConnectionTarget readOnly = PostgresRoles.selectOnly(owner);
        try (Workspace workspace = TestWorkspaces.over(Database.open(readOnly))) {
            assertThatThrownBy(() -> workspace.syncStates().apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all()), "ops"))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED))
                    .hasMessageContaining("as " + ((PostgresServer) readOnly).user())
                    .hasMessageContaining("permission denied for table sync_metadata")
                    .hasMessageContaining("rolled back");
        }
    }

    /** A database whose transactions are all read-only (as on a standby) takes the same refusals, even for its owner. */
    @Test
    void aDatabaseThatOnlyAllowsReadingRefusesChangesBeforeTheyStart() throws SQLException {
        ConnectionTarget owner = TestPostgres.freshDatabase();
        ok(as(owner, "migrate"));
        ok(as(owner, "demo-data", "--entities", "100"));
        String name = ((PostgresServer) owner).jdbcUrl().substring(((PostgresServer) owner).jdbcUrl().lastIndexOf('/') + 1);
        try (Database database = Database.open(owner)) {
            StateRows.execute(database, "ALTER DATABASE " + name + " SET default_transaction_read_only = on");
        }
        Picture before = Picture.of(owner);

        for (String[] command : List.of(new String[] {"retry-failed", "--yes"}, new String[] {"downgrade", "--to", "9", "--no-backup", "--yes"},
                new String[] {"repair"})) {
            CliRun run = as(owner, command);
            CliAssert.oneLine(run, ExitCodes.REFUSED, "read-only (default_transaction_read_only is on)", "Nothing was changed");
            assertThat(Picture.of(owner)).as(command[0]).isEqualTo(before);
        }
        assertThat(ok(as(owner, "stats")).out()).contains("Sync states: 100");
        ok(as(owner, "backup", "--backup-dir", tempDir.resolve("backups").toString()));
        try (Workspace workspace = TestWorkspaces.over(Database.open(owner))) {
            assertThatThrownBy(() -> workspace.syncStates().apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all()), "ops"))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.READ_ONLY))
                    .hasMessageContaining("only allows reading");
        }
    }

    /** SQLite's counterpart of a role that may only read: a file on read-only storage. */
    @Test
    void aSqliteFileOnReadOnlyStorageRefusesEveryChangeSayingWhyAndStaysByteIdentical() throws Exception {
        Assumptions.assumeTrue(Mounts.available(), "mounting a tmpfs is not possible here");
        Path built = tempDir.resolve("built.db");
        long stateWithConflicts;
        try (Workspace workspace = TestWorkspaces.over(migrated(built))) {
            workspace.demoData().generate(100, 4, DemoDataGenerator.Progress.NONE);
            stateWithConflicts = StateRows.scalar(workspace.database(), "SELECT min(sync_metadata_id) FROM conflict_resolutions WHERE NOT is_resolved");
        }
        Path mount = tempDir.resolve("ro");
        Mounts.tmpfs(mount, "24m");
        try {
            Path db = mount.resolve("readonly.db");
            Files.copy(built, db);
            Path backup = mount.resolve("backups").resolve("readonly-20260101-000000-000-v" + Versions.LATEST + ".db");
            Files.createDirectories(backup.getParent());
            Files.copy(built, backup);
            Mounts.remountReadOnly(mount);
            String before = Fingerprints.sha256(db);

            for (String[] command : List.of(new String[] {"reset-errors", "--yes"}, new String[] {"conflicts", "resolve", "--state",
                    Long.toString(stateWithConflicts), "--take", "local"}, new String[] {"repair"}, new String[] {"backup"},
                    new String[] {"restore", backup.toString(), "--yes"})) {
                CliRun run = CliRun.of(Stream.concat(Stream.of(command), Stream.of("--db", db.toString())).toArray(String[]::new));
                CliAssert.oneLine(run, ExitCodes.REFUSED, "read-only", "Nothing was changed");
            }
            assertThat(Fingerprints.sha256(db)).isEqualTo(before);
        } finally {
            Mounts.unmount(mount);
        }
    }

    private static Database migrated(Path file) {
        Database database = Database.open(ConnectionTarget.sqlite(file));
        new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
        return database;
    }

    /** Every table's rows (the counts as sums), the schema and the schema history, as the owner sees them. */
    private record Picture(Map<String, List<String>> rows, List<String> schema, List<String> history) {
        static Picture of(ConnectionTarget owner) throws SQLException {
            try (Database database = Database.open(owner); Connection connection = database.connection()) {
                return new Picture(TableDump.of(database), SchemaSnapshot.capture(database),
                        TableDump.rows(connection, "SELECT * FROM flyway_schema_history ORDER BY installed_rank"));
            }
        }
    }

    private static void refused(CliRun run, ConnectionTarget owner, Picture before, String role, String... named) throws SQLException {
        CliAssert.oneLine(run, ExitCodes.REFUSED, Stream.concat(Stream.of("The role " + role, "Nothing was changed"), Stream.of(named))
                .toArray(String[]::new));
        assertThat(Picture.of(owner)).as("after: %s", run.err()).isEqualTo(before);
    }

    private static CliRun as(ConnectionTarget who, String... command) {
        PostgresServer server = (PostgresServer) who;
        return CliRun.of(Stream.concat(Stream.of(command), Stream.of("--url", server.jdbcUrl(), "--user", server.user())).toArray(String[]::new));
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.OK);
        return run;
    }

    private static long scalar(ConnectionTarget target, String sql) {
        try (Database database = Database.open(target)) {
            return StateRows.scalar(database, sql);
        }
    }
}
