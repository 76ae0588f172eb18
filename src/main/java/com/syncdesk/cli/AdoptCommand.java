package com.syncdesk.cli;

import java.nio.file.Path;

import com.syncdesk.adoption.Adoption;
import com.syncdesk.adoption.AdoptionPreview;
import com.syncdesk.adoption.AdoptionResult;
import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Texts;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "adopt", description = "Take over a database of the original system (sprint-reports at Alembic revision 008): shows the exact "
        + "SQL and the conversion report, backs up every table, then converts the database to SyncDesk's schema in one transaction. "
        + "Restoring that backup gives the sprint-reports database back.")
final class AdoptCommand extends DatabaseCommand {

    @Option(names = "--yes", description = "Confirm the adoption (needed when there is no terminal).")
    boolean yes;

    @Mixin
    BackupFolderOption backupFolder;

    @Override
    Path backupFolder() {
        return backupFolder.orDefault();
    }

    @Override
    int run(DatabaseSession session) {
        Database database = session.database();
        Adoption adoption = new Adoption(session.migrations(), operatorName());
        AdoptionPreview preview = adoption.preview();
        AdoptionPrinter.print(preview, out());
        if (!preview.report().canAdopt()) {
            throw new DatabaseException(DatabaseException.Reason.FOREIGN_SCHEMA, "SyncDesk's schema refuses some rows (see the report), so adopt "
                    + "does not start; correct them in sprint-reports first. Nothing was changed.");
        }
        String where = database.target().describe();
        if (!Confirmation.obtain(this, yes, "Back up and adopt " + where + "?", "Adopting converts " + where + " to SyncDesk's schema.")) {
            out().println("Adoption declined; nothing was changed.");
            return ExitCodes.DECLINED;
        }
        AdoptionResult result = adoption.adopt(progress());
        out().printf("Backup taken before adoption: %s (%s)%n", result.backup().location(), Texts.size(result.backup().sizeBytes()));
        out().printf("Adopted %s in %.1f s: SyncDesk schema version %d%s.%n", where, result.took().toMillis() / 1000.0,
                result.status().currentVersion(), result.status().isBehind() ? "; run migrate to reach " + result.status().latestVersion() : " (latest)");
        return ExitCodes.OK;
    }
}
