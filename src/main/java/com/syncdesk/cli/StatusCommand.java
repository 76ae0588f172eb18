package com.syncdesk.cli;

import java.util.Optional;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Texts;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

import picocli.CommandLine.Command;

@Command(name = "status", description = "Show the schema version and every migration with its state.")
final class StatusCommand extends DatabaseCommand {

    private static final Texts TEXTS = Texts.system();

    @Override
    int run(DatabaseSession session) {
        SchemaStatus status = session.status();
        Database database = session.database();
        if (status.currentVersion() == 0) {
            Optional<String> adoptable = session.migrations().adoptable();
            if (adoptable.isPresent()) {
                out().printf("Database: %s (PostgreSQL)%n%s%n", database.target().describe(), adoptable.get());
                return ExitCodes.OK;
            }
            // Version 0 with another application's tables is not "a SyncDesk database waiting for migrate".
            session.migrations().checkSafeToMigrate();
        }
        out().printf("Database: %s (%s)%n", database.target().describe(), database.vendor() == Vendor.SQLITE ? "SQLite" : "PostgreSQL");
        out().printf("Schema version: %d (%s%s)%n", status.currentVersion(), SchemaWords.standing(status),
                status.standing() == SchemaStatus.Standing.BEHIND ? "; run migrate" : "");
        TextTable table = new TextTable("VERSION", "STATE", "DESCRIPTION", "INSTALLED ON", "BY", "TIME>", "CHECKSUM>");
        for (MigrationEntry m : status.migrations()) {
            table.row(m.version(), m.state().label(), m.description(), TEXTS.timestamp(m.installedOn()), m.installedBy(),
                    m.executionTimeMs() == null ? null : m.executionTimeMs() + " ms", m.checksum());
        }
        table.print(out());
        return ExitCodes.OK;
    }

}
