package com.syncdesk.cli;

import com.syncdesk.app.DatabaseSession;

import picocli.CommandLine.Command;

@Command(name = "repair", description = "Remove failed entries from the schema history, realign checksums and recount "
        + "the dashboard's counts. Check the schema (or restore a backup) first.")
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(DatabaseSession session) {
        session.migrations().repair();
        out().printf("Repaired the schema history and recounted the dashboard's counts of %s.%n", session.database().target().describe());
        return ExitCodes.OK;
    }
}
