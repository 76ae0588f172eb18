package com.syncdesk.cli;

import java.util.List;

import com.syncdesk.app.DatabaseSession;

import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check the applied migrations against this SyncDesk's scripts. Exit code 1 when a problem is found.")
final class ValidateCommand extends DatabaseCommand {

    @Override
    int run(DatabaseSession session) {
        List<String> problems = session.migrations().validate();
        if (problems.isEmpty()) {
            out().printf("The schema history of %s matches this SyncDesk's migrations.%n", session.database().target().describe());
            return ExitCodes.OK;
        }
        problems.forEach(problem -> err().println("syncdesk: " + problem));
        err().flush();
        return ExitCodes.FAILED;
    }
}
