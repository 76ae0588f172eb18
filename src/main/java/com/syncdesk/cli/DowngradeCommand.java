package com.syncdesk.cli;

import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.DowngradeReport;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.persistence.Privileges.Work;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "downgrade", description = "Undo every version above N, newest first, each step in one transaction. "
        + "When data would be lost, a backup is taken first and a confirmation is needed.")
final class DowngradeCommand extends DatabaseCommand {

    @Option(names = "--to", required = true, paramLabel = "N", description = "Target version.")
    int target;

    @Option(names = "--no-backup", description = "Do not back up the data the downgrade drops.")
    boolean noBackup;

    @Option(names = "--yes", description = "Confirm a downgrade that loses data (needed when there is no terminal).")
    boolean yes;

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    Path backupFolder() {
        return backupFolder.orDefault();
    }

    @Override
    int run(DatabaseSession session) {
        SchemaWords.checkNamedVersion(session.status(), target);
        MigrationService migrations = session.migrations();
        // Before the preview, whose counts a role granted before the last upgrade may not be allowed to read.
        session.privileges().refuseUnless(Work.CHANGE_SCHEMA);
        MigrationPlan plan = migrations.preview(target);
        if (plan.isBlocked()) {
            PlanPrinter.printDataLoss(plan, out());
        } else if (plan.losesData()) {
            PlanPrinter.printDataLoss(plan, out());
            out().println(noBackup ? "No backup will be taken (--no-backup)."
                    : "A backup will be taken first into " + migrations.backupFolder() + ".");
            if (!Confirmation.obtain(this, yes, "Downgrade to " + plan.toVersion() + " and lose this data?",
                    "Downgrading to " + plan.toVersion() + " loses data (see the report above).")) {
                out().println("Downgrade declined; nothing was changed.");
                return ExitCodes.DECLINED;
            }
        }
        DowngradeReport report = migrations.downgrade(target, noBackup ? BackupChoice.NO_BACKUP : BackupChoice.BACKUP_IF_LOSSY, progress());
        report.backup().ifPresent(backup -> out().printf("Backup taken: %s%n", backup.location()));
        out().printf("Schema downgraded from version %d to %d.%n", report.fromVersion(), report.status().currentVersion());
        return ExitCodes.OK;
    }
}
