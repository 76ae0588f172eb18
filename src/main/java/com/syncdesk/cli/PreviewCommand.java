package com.syncdesk.cli;

import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.SchemaWords;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "preview", description = "Show the exact SQL moving the schema to version N would run, and for a downgrade "
        + "how many values each dropped column or table holds. Changes nothing.")
final class PreviewCommand extends DatabaseCommand {

    @Option(names = "--to", required = true, paramLabel = "N", description = "Target version.")
    int target;

    /** Below an adoption, the preview names the backup taken before it, found in this folder. */
    @Mixin
    BackupFolderOption backupFolder;

    @Override
    Path backupFolder() {
        return backupFolder.orDefault();
    }

    @Override
    int run(DatabaseSession session) {
        SchemaWords.checkNamedVersion(session.status(), target);
        PlanPrinter.print(session.migrations().preview(target), out());
        return ExitCodes.OK;
    }
}
