package com.syncdesk.cli;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.migration.UpgradeReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", description = "Upgrade the schema to the latest version, or to --to N. Creates a missing SQLite file.")
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "N", description = "Target version (default: latest).")
    Integer target;

    @Override
    DatabaseSession.Access access() {
        return DatabaseSession.Access.MIGRATE;
    }

    @Override
    int run(DatabaseSession session) {
        if (target != null) {
            SchemaWords.checkNamedVersion(session.status(), target);
        }
        UpgradeReport report = session.migrations().upgradeWithReport(target, progress());
        int after = report.status().currentVersion();
        if (after == report.fromVersion()) {
            out().printf("Schema is already at version %d; nothing to do.%n", after);
        } else {
            out().printf("Schema upgraded from version %d to %d.%n", report.fromVersion(), after);
        }
        if (report.legacyRowsMerged() > 0) {
            out().printf("Merged %d rows of the legacy sync_states table into sync_metadata.%n", report.legacyRowsMerged());
        }
        return ExitCodes.OK;
    }
}
