package com.syncdesk.cli;

import java.time.Duration;
import java.time.Instant;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.migration.MigrationProgress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo-data", description = "Fill an empty database with realistic demo data (deterministic for a seed).")
final class DemoDataCommand extends WorkspaceCommand {

    @Option(names = "--entities", defaultValue = "2000", paramLabel = "N", description = "How many local entities, each with a sync state (default: ${DEFAULT-VALUE}).")
    int entities;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    DatabaseSession.Access access() {
        return DatabaseSession.Access.FILL;
    }

    /** Beyond this a load takes hours and its tables no longer fit the machines SyncDesk runs on. */
    static final int MAX_ENTITIES = 10_000_000;

    @Override
    void checkOptions() {
        if (entities < 1 || entities > MAX_ENTITIES) {
            throw new IllegalArgumentException("--entities must be between 1 and " + Texts.count(MAX_ENTITIES) + ", not " + Texts.count(entities) + ".");
        }
    }

    @Override
    int run(Workspace workspace) {
        MigrationProgress progress = progress();
        Instant start = Instant.now();
        DemoDataGenerator.Summary summary = workspace.demoData().generate(entities, seed, (done, total) -> {
            progress.onStep(new MigrationProgress.Step("Generating demo data: " + String.format("%,d of %,d rows", done, total),
                    (int) (done * 100 / total), 100, done == total ? MigrationProgress.Phase.FINISHED : MigrationProgress.Phase.STARTED,
                    Duration.between(start, Instant.now())));
            return true;
        });
        out().printf("Generated %,d projects, %,d boards, %,d sprints, %,d issues, %,d sync states, %,d conflicts, %,d history runs: "
                        + "%,d rows in %.1f s (%,.0f rows/s).%n", summary.projects(), summary.boards(), summary.sprints(), summary.issues(),
                summary.syncStates(), summary.conflicts(), summary.historyRuns(), summary.rows(), summary.elapsed().toMillis() / 1000.0,
                summary.rowsPerSecond());
        return ExitCodes.OK;
    }
}
