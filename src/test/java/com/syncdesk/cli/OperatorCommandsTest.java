package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.TestWorkspaces;

class OperatorCommandsTest {

    @TempDir
    Path tempDir;

    private Path db;

    @BeforeEach
    void demoDatabase() {
        db = tempDir.resolve("ops.db");
        CliRun demo = CliRun.of("demo-data", "--db", db.toString(), "--entities", "3000", "--seed", "5");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("3,000 sync states").contains("rows/s");
    }

    private long count(SyncStateFilter filter) {
        try (Workspace workspace = TestWorkspaces.over(Database.open(ConnectionTarget.sqlite(db)))) {
            return workspace.syncStates().count(filter);
        }
    }

    @Test
    void statsJsonCarriesTheServiceFigures() throws Exception {
        CliRun stats = CliRun.of("stats", "--db", db.toString(), "--json");
        assertThat(stats.exitCode()).isZero();
        JsonNode json = Json.read(stats.out());
        assertThat(json.at("/statistics/total").asLong()).isEqualTo(3000);
        assertThat(json.at("/statistics/byStatus/failed").asLong()).isEqualTo(count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)));
        assertThat(json.at("/performance/total_syncs").isNumber()).isTrue();
        assertThat(json.at("/performance/success_rate").isNumber()).isTrue();
        assertThat(CliRun.of("stats", "--db", db.toString(), "--type", "sprint").out()).contains("Sync states: 60");
    }

    @Test
    void statsPrintsReadableTablesAndSaysWhatEachSuccessRateMeans() {
        CliRun stats = CliRun.of("stats", "--db", db.toString());

        assertThat(stats.exitCode()).isZero();
        String failed = String.format("%,d", count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)));
        assertThat(stats.out()).doesNotContain("{").doesNotContain("=")
                .containsPattern("(?m)^STATUS +STATES +SHARE$")
                .containsPattern("(?m)^failed +" + failed + " +\\d+\\.\\d %$")
                .containsPattern("(?m)^in progress +[\\d,]+ ")
                .containsPattern("(?m)^TYPE +STATES +SHARE$")
                .containsPattern("(?m)^Success rate +\\d+\\.\\d % +completed ÷ \\(completed \\+ failed\\)$")
                .containsPattern("(?m)^Success rate of attempts +\\d+\\.\\d % +succeeded ÷ attempted \\(pending, in progress and skipped count as not succeeded\\)$")
                .contains("Over every sync state:", "Over the sync states attempted in the last 24 h");
    }

    @Test
    void conflictsListSaysHowManyMoreEntitiesThereAreBeyondTheLimit() {
        long entities;
        try (Workspace workspace = TestWorkspaces.over(Database.open(ConnectionTarget.sqlite(db)))) {
            entities = workspace.conflicts().openConflicts(ConflictFilter.all(), PageRequest.first(1)).total();
        }

        CliRun list = CliRun.of("conflicts", "list", "--db", db.toString(), "--limit", "5");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).endsWith("… and " + String.format("%,d", entities - 5) + " more entities beyond --limit 5; raise it or narrow "
                + "the list with --type or --text.\n");
        assertThat(CliRun.of("conflicts", "list", "--db", db.toString(), "--limit", String.valueOf(entities)).out()).doesNotContain("more entit");
    }

    @Test
    void auditListsWhoDidWhatNewestFirstFilteredBySinceOperatorAndAction() {
        assertThat(CliRun.of("retry-failed", "--db", db.toString(), "--yes", "--operator", "nightly-cron").exitCode()).isZero();
        assertThat(CliRun.of("skip", "--db", db.toString(), "--yes", "--ids", "1,2", "--operator", "alice").exitCode()).isZero();

        CliRun all = CliRun.of("audit", "--db", db.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).startsWith("2 audit entries\n").containsPattern("(?m)^WHEN +OPERATOR +ACTION +CHANGED +OF +WHAT$")
                .containsPattern("(?m)^.+ +alice +Skip +\\d +2 +sync states 1, 2$")
                .containsPattern("(?m)^.+ +nightly-cron +Retry +[\\d,]+ +[\\d,]+ +filter status = failed$");
        assertThat(all.out().indexOf("alice")).isLessThan(all.out().indexOf("nightly-cron"));

        assertThat(CliRun.of("audit", "--db", db.toString(), "--operator", "alice").out()).startsWith("1 audit entry\n").doesNotContain("nightly-cron");
        assertThat(CliRun.of("audit", "--db", db.toString(), "--action", "retry", "--since", "1h").out()).startsWith("1 audit entry\n")
                .contains("nightly-cron");
        assertThat(CliRun.of("audit", "--db", db.toString(), "--since", "2999-01-01").out()).startsWith("0 audit entries\n");
        assertThat(CliRun.of("audit", "--db", db.toString(), "--limit", "1").out()).contains("… and 1 more beyond --limit 1");
        CliRun wrong = CliRun.of("audit", "--db", db.toString(), "--since", "yesterday");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("--since takes a date");
    }

    @Test
    void retryFailedNeedsYesWithoutATerminalAndThenQueuesEveryFailedState() {
        long failed = count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED));
        CliRun refused = CliRun.of("retry-failed", "--db", db.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(refused.err()).contains("--yes").contains("Nothing was changed");
        assertThat(count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED))).isEqualTo(failed);

        CliRun done = CliRun.of("retry-failed", "--db", db.toString(), "--yes", "--operator", "nightly-cron");
        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).contains(String.format("%,d sync state(s) changed", failed)).contains("nightly-cron");
        assertThat(count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED))).isZero();
    }

    @Test
    void skipAndResetErrorsTakeFilterOptionsOrIds() {
        CliRun skip = CliRun.of("skip", "--db", db.toString(), "--status", "failed", "--type", "issue", "--yes");
        assertThat(skip.exitCode()).isZero();
        assertThat(count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED).withTypes(EntityType.ISSUE))).isZero();
        CliRun reset = CliRun.of("reset-errors", "--db", db.toString(), "--ids", "1,2,3", "--yes");
        assertThat(reset.exitCode()).isZero();
        CliRun wrong = CliRun.of("skip", "--db", db.toString(), "--status", "broken", "--yes");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("Unknown SyncStatus 'broken'");
    }

    @Test
    void conflictsListThenResolveOneStateWithJira() {
        CliRun list = CliRun.of("conflicts", "list", "--db", db.toString(), "--limit", "5");
        assertThat(list.exitCode()).isZero();
        String firstState = list.out().lines().skip(2).findFirst().orElseThrow().trim().split("\\s+")[0];
        CliRun resolve = CliRun.of("conflicts", "resolve", "--db", db.toString(), "--state", firstState, "--take", "jira", "--notes", "cli test");
        assertThat(resolve.exitCode()).as(resolve.err()).isZero();
        assertThat(resolve.out()).contains("as jira_wins");
        assertThat(CliRun.of("conflicts", "resolve", "--db", db.toString(), "--state", firstState, "--take", "jira").out())
                .contains("has no open conflicts");
    }

    @Test
    void historyAndExportWork() throws Exception {
        CliRun history = CliRun.of("history", "--db", db.toString(), "--limit", "3", "--days", "7");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("OPERATION").contains("DAY").hasLineCount(2 + 3 + 1 + 7);

        Path csv = tempDir.resolve("failed.csv");
        CliRun export = CliRun.of("export", "--db", db.toString(), "--format", "csv", "--status", "failed", "--out", csv.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        long lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).count();
        assertThat(lines).isGreaterThanOrEqualTo(count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)) + 1);
        assertThat(tempDir.resolve("failed.csv.partial")).doesNotExist();
    }

    @Test
    void demoDataRefusesADatabaseWithData() {
        CliRun again = CliRun.of("demo-data", "--db", db.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(again.err()).contains("only goes into an empty database");
    }

    @Test
    void operatorCommandsRunAgainstPostgresql() {
        PostgresServer server = (PostgresServer) TestPostgres.freshDatabase();
        assertThat(CliRun.of("demo-data", "--url", server.jdbcUrl(), "--user", server.user(), "--entities", "500").exitCode()).isZero();
        CliRun stats = CliRun.of("stats", "--url", server.jdbcUrl(), "--user", server.user());
        assertThat(stats.exitCode()).isZero();
        assertThat(stats.out()).contains("Sync states: 500");
    }
}
