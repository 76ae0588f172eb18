package com.syncdesk.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.syncdesk.adoption.OriginInspector;
import com.syncdesk.adoption.Recognition;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.Database;

import picocli.CommandLine.Command;

@Command(name = "status", description = "Show the schema version and every migration with its state.")
final class StatusCommand extends DatabaseCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    int run(Database database) {
        MigrationService migrations = new MigrationService(database, operatorName());
        SchemaStatus status = migrations.status();
        if (status.currentVersion() == 0) {
            Recognition origin = OriginInspector.inspect(database);
            if (origin.isAdoptable()) {
                out().printf("Database: %s (PostgreSQL)%n%s%n", database.target().describe(), origin.summary());
                return ExitCodes.OK;
            }
            // Version 0 with another application's tables is not "a SyncDesk database waiting for migrate".
            migrations.checkSafeToMigrate();
        }
        out().printf("Database: %s (%s)%n", database.target().describe(), database.vendor() == com.syncdesk.persistence.Vendor.SQLITE ? "SQLite" : "PostgreSQL");
        out().printf("Schema version: %d %s%n", status.currentVersion(), summary(status));
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

    private static String summary(SchemaStatus status) {
        if (status.isNewerThanApp()) {
            return "(newer than this SyncDesk, which knows up to " + status.latestVersion() + ")";
        }
        if (status.isBehind()) {
            return "(behind: " + status.pending().size() + " pending, latest is " + status.latestVersion() + "; run migrate)";
        }
        return "(latest)";
    }
}
