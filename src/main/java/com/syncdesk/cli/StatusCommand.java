package com.syncdesk.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

import picocli.CommandLine.Command;

@Command(name = "status", description = "Show the schema version and every migration with its state.")
final class StatusCommand extends DatabaseCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    int run(DatabaseSession session) {
        SchemaStatus status = session.status();
        if (status.currentVersion() == 0) {
            // Version 0 with another application's tables is not "a SyncDesk database waiting for migrate".
            session.migrations().checkSafeToMigrate();
        }
        Database database = session.database();
        out().printf("Database: %s (%s)%n", database.target().describe(), database.vendor() == Vendor.SQLITE ? "SQLite" : "PostgreSQL");
        out().printf("Schema version: %d (%s%s)%n", status.currentVersion(), SchemaWords.standing(status),
                status.standing() == SchemaStatus.Standing.BEHIND ? "; run migrate" : "");
        out().printf("%-8s %-20s %-28s %-20s %-12s %8s %12s%n", "VERSION", "STATE", "DESCRIPTION", "INSTALLED ON", "BY", "TIME", "CHECKSUM");
        for (MigrationEntry m : status.migrations()) {
            out().printf("%-8d %-20s %-28s %-20s %-12s %8s %12s%n", m.version(), m.state().label(), m.description(),
                    m.installedOn() == null ? "" : WHEN.format(m.installedOn()),
                    m.installedBy() == null ? "" : m.installedBy(),
                    m.executionTimeMs() == null ? "" : m.executionTimeMs() + " ms",
                    m.checksum() == null ? "" : m.checksum());
        }
        return ExitCodes.OK;
    }

}
