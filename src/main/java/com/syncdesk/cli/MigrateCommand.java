package com.syncdesk.cli;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", description = "Upgrade the schema to the latest version, or to --to N. Creates a missing SQLite file.")
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "N", description = "Target version (default: latest).")
    Integer target;

    @Override
    Database.OpenMode openMode() {
        return Database.OpenMode.CREATE_IF_MISSING;
    }

    @Override
    int run(Database database) {
        MigrationService migrations = new MigrationService(database, operatorName());
        int before = migrations.status().currentVersion();
        SchemaStatus after = migrations.upgrade(target, step -> {
            if (step.phase() == MigrationProgress.Phase.FINISHED) {
                out().printf("[%d/%d] %s done (%d ms)%n", step.index(), step.total(), step.name(), step.elapsed().toMillis());
                out().flush();
            }
        });
        if (after.currentVersion() == before) {
            out().printf("Schema is already at version %d; nothing to do.%n", after.currentVersion());
        } else {
            out().printf("Schema upgraded from version %d to %d.%n", before, after.currentVersion());
        }
        return ExitCodes.OK;
    }
}
