package com.syncdesk.cli;

import java.util.List;

import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check the applied migrations against this SyncDesk's scripts. Exit code 1 when a problem is found.")
final class ValidateCommand extends DatabaseCommand {

    @Override
    int run(Database database) {
        List<String> problems = new MigrationService(database, operatorName()).validate();
        if (problems.isEmpty()) {
            out().printf("The schema history of %s matches this SyncDesk's migrations.%n", database.target().describe());
            return ExitCodes.OK;
        }
        problems.forEach(problem -> err().println("syncdesk: " + problem));
        err().flush();
        return ExitCodes.FAILED;
    }
}
