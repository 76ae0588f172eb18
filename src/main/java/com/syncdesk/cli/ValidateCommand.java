package com.syncdesk.cli;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.Validation;

import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check the applied migrations against this SyncDesk's scripts and the schema's tables, columns, "
        + "constraints, indexes, triggers and functions against a fresh schema at the same version. Exit code 1 when a problem is found.")
final class ValidateCommand extends DatabaseCommand {

    @Override
    int run(DatabaseSession session) {
        Validation validation = session.migrations().validate();
        validation.notes().forEach(note -> out().println(note));
        if (validation.isValid()) {
            out().printf("%s matches this SyncDesk's migrations and schema.%n", session.database().target().describe());
            return ExitCodes.OK;
        }
        validation.problems().forEach(problem -> err().println("syncdesk: " + problem));
        err().flush();
        return ExitCodes.FAILED;
    }
}
