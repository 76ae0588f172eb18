package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;

class MigrateAndStatusCommandTest {

    @TempDir
    Path tempDir;

    @AfterEach
    void forgetDataDirectory() {
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }

    @Test
    void migrateCreatesAndUpgradesANewFileThenStatusListsEveryMigration() {
        Path db = tempDir.resolve("ops.db");
        CliRun migrate = CliRun.of("migrate", "--db", db.toString());

        assertThat(migrate.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains("[" + Versions.ALL.size() + "/" + Versions.ALL.size() + "] Upgrade to " + Versions.LATEST + " (" + Versions.description(Versions.LATEST) + ") done")
                .contains("Schema upgraded from version 0 to " + Versions.LATEST + ".");
        assertThat(migrate.err()).isEmpty();

        CliRun status = CliRun.of("status", "--db", db.toString());
        assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("Schema version: " + Versions.LATEST + " (latest)")
                .containsPattern("(?m)^1 +Applied +initial schema")
                .containsPattern("(?m)^9 +Applied +add row versions and audit");
    }

    @Test
    void migrateToAVersionStopsThereAndStatusShowsWhatIsPending() {
        Path db = tempDir.resolve("ops.db");
        assertThat(CliRun.of("migrate", "--db", db.toString(), "--to", "4").exitCode()).isZero();

        CliRun status = CliRun.of("status", "--db", db.toString());
        assertThat(status.out()).contains("Schema version: 4 (behind: " + Versions.above(4).size() + " pending, latest is " + Versions.LATEST + "; run migrate)")
                .containsPattern("(?m)^7 +Pending +align sync schema");
        assertThat(CliRun.of("migrate", "--db", db.toString()).out()).contains("Schema upgraded from version 4 to " + Versions.LATEST + ".");
        assertThat(CliRun.of("migrate", "--db", db.toString()).out()).contains("already at version " + Versions.LATEST + "");
    }

    @Test
    void withoutConnectionOptionsTheDefaultFileInTheDataDirectoryIsCreated() {
        Path home = tempDir.resolve("data-home");
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());

        assertThat(CliRun.of("migrate").exitCode()).isZero();
        assertThat(home.resolve("syncdesk.db")).isRegularFile();
        assertThat(CliRun.of("status").out()).contains(home.resolve("syncdesk.db").toString()).contains("Schema version: " + Versions.LATEST);
    }

    @Test
    void onAFreshMachineNeitherStatusNorAReadingCommandCreatesTheDefaultDatabase() {
        Path home = tempDir.resolve("data-home");
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());

        for (String command : new String[] {"status", "stats", "history"}) {
            CliRun run = CliRun.of(command);
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).as(command).contains("The folder " + home + " does not exist.").hasLineCount(1);
        }
        assertThat(home.resolve("syncdesk.db")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseFailsInOneLineAndStaysUntouched() throws Exception {
        Path notes = tempDir.resolve("notes.txt");
        Files.writeString(notes, "shopping list: milk, eggs\n");
        byte[] before = Files.readAllBytes(notes);

        for (String command : new String[] {"status", "migrate"}) {
            CliRun run = CliRun.of(command, "--db", notes.toString());
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err()).as(command).contains("is not a SQLite database").hasLineCount(1);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
    }

    @Test
    void statusOfAMissingFileSaysSoWithoutCreatingIt() {
        Path missing = tempDir.resolve("missing.db");
        CliRun run = CliRun.of("status", "--db", missing.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("There is no database at " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void verboseAddsTheCause() {
        CliRun run = CliRun.of("status", "--db", tempDir.toString(), "--verbose");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("is a folder, not a database file").contains("\tat ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(CliRun.of("migrate", "--bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void migrateAndStatusWorkAgainstPostgresql() {
        PostgresServer server = (PostgresServer) TestPostgres.freshDatabase();
        CliRun migrate = CliRun.of("migrate", "--url", server.jdbcUrl(), "--user", server.user());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        CliRun status = CliRun.of("status", "--url", server.jdbcUrl(), "--user", server.user());
        assertThat(status.out()).contains("(PostgreSQL)").contains("Schema version: " + Versions.LATEST + " (latest)");
    }

    @Test
    void anUnknownPostgresqlDatabaseIsRefusedClearly() {
        CliRun run = CliRun.of("status", "--url", TestPostgres.jdbcUrl("no_such_db"), "--user", TestPostgres.USER);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("has no such database").hasLineCount(1);
    }
}
