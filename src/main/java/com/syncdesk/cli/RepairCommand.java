package com.syncdesk.cli;

import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Command;

@Command(name = "repair", description = "Remove failed entries from the schema history, realign checksums and recount "
        + "the dashboard's counts. Check the schema (or restore a backup) first.")
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(Database database) {
        new MigrationService(database, operatorName()).repair();
        out().printf("Repaired the schema history and recounted the dashboard's counts of %s.%n", database.target().describe());
        return ExitCodes.OK;
    }
}
