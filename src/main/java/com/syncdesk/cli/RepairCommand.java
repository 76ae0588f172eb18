package com.syncdesk.cli;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.RepairReport;

import picocli.CommandLine.Command;

@Command(name = "repair", description = "Recreate SyncDesk's missing or changed indexes, triggers, functions and constraints, recount "
        + "the dashboard's counts, remove failed entries from the schema history and realign checksums. Exit code 1 when something "
        + "(a lost table or column) cannot be repaired.")
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(DatabaseSession session) {
        RepairReport report = session.migrations().repair();
        String where = session.database().target().describe();
        if (!report.recreated().isEmpty()) {
            out().printf("Recreated in %s: %s.%n", where, String.join(", ", report.recreated()));
        }
        out().printf("Repaired the schema history%s of %s.%n", report.recounted() ? " and recounted the dashboard's counts" : "", where);
        if (report.notRepaired().isEmpty()) {
            return ExitCodes.OK;
        }
        report.notRepaired().forEach(problem -> err().println("syncdesk: " + problem));
        err().flush();
        return ExitCodes.FAILED;
    }
}
