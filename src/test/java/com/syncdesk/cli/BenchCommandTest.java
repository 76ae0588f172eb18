package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.testing.CliRun;

/** The benchmark itself runs by hand on a million rows (docs/performance.md); this checks the command works end to end. */
class BenchCommandTest {

    @TempDir
    Path tempDir;

    @Test
    void benchRunsOnATinyDatabaseAndPrintsEveryRow() {
        CliRun bench = CliRun.of("bench", "--db", tempDir.resolve("bench.db").toString(), "--rows", "3000", "--repeat", "3");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("| operation |")
                .contains("demo-data load of 3000 states").contains("rows/s")
                .contains("first page of 100").contains("dashboard statistics").contains("load-all way")
                .contains("free-text filter").contains("free-text filter on an issue key").contains("CSV export of 3,000 rows").contains("paging through all 3,000 rows");
        assertThat(bench.out()).contains("page 5,000").contains("bulk retry");
    }

    @Test
    void benchSyncMeasuresEveryRunAgainstTheSimulatorAndPrintsItsTable() {
        CliRun bench = CliRun.of("bench", "--sync", "--db", tempDir.resolve("sync-bench.db").toString(), "--issues", "3000");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("| measurement | SyncDesk | reference | ratio |")
                .contains("first full run: API calls").contains("the minimum the page sizes allow")
                .contains("first full run: SyncDesk's own time").contains("entities/s").contains("first full run: heap")
                .contains("incremental after 30 JIRA and 3 local changes").contains("3 pushes")
                .contains("run with nothing changed").contains("incremental with 20 ms per request");
        assertThat(bench.out()).containsPattern("\\| first full run: API calls \\| \\d+ \\| \\d+ .*\\| yes \\|");
        assertThat(bench.out()).containsPattern("\\| run with nothing changed \\| 3 searches.*\\| yes \\|");

        CliRun again = CliRun.of("bench", "--sync", "--db", tempDir.resolve("sync-bench.db").toString(), "--issues", "3000");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("fills an empty database");
    }
}
