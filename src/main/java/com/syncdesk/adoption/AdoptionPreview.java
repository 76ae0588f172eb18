package com.syncdesk.adoption;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.syncdesk.adoption.ConversionReport.ColumnConversion;
import com.syncdesk.adoption.ConversionReport.MappedCount;
import com.syncdesk.adoption.ConversionReport.TableConversion;
import com.syncdesk.adoption.ConversionReport.TableRows;
import com.syncdesk.migration.MigrationCatalog;

/**
 * What adopt would do to a sprint-reports database, computed without changing anything.
 *
 * @param plan         every statement, in order, in one transaction
 * @param report       what the statements convert, counted in the database
 * @param backupFolder where the backup of every table goes before anything changes
 */
public record AdoptionPreview(Recognition recognition, AdoptionPlan plan, ConversionReport report, Path backupFolder) {

    /** "… is a sprint-reports database at Alembic revision …". */
    public String headline() {
        return recognition.where() + " is a sprint-reports database at Alembic revision " + recognition.revision() + ".";
    }

    /** Every statement in order, a comment line naming each step first, as the command line prints them. */
    public List<String> sqlLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Adopt runs, in one transaction (a failure anywhere leaves the database as it is now), " + plan.statementCount() + " statements:");
        int number = 0;
        for (AdoptionStep step : plan.steps()) {
            lines.add("");
            lines.add("-- " + ++number + ". " + step.name());
            step.sql().forEach(sql -> lines.add(sql + ";"));
        }
        return lines;
    }

    /** The conversion report in words: rows and value mappings per table, the original's own tables, the rows refused. */
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Conversion report (counted in the database; nothing was changed):");
        for (TableConversion table : report.tables()) {
            lines.add("  " + table.table() + ": " + rows(table.rows()) + ", " + table.source());
            for (ColumnConversion column : table.columns()) {
                lines.add("    " + column.column() + " (" + column.change() + "):");
                for (MappedCount value : column.values()) {
                    lines.add("      " + value.mapping().original() + " -> " + value.mapping().syncDesk() + ": " + value.count());
                }
            }
        }
        lines.add("  Left as they are (the original's own tables):");
        for (TableRows kept : report.keptAsTheyAre()) {
            lines.add("    " + kept.table() + ": " + rows(kept.rows()));
        }
        if (report.blockers().isEmpty()) {
            lines.add("  Rows SyncDesk's schema would refuse: none.");
        } else {
            lines.add("  Rows SyncDesk's schema would refuse (adopt does not start while there are any):");
            report.blockers().forEach(blocker -> lines.add("    " + blocker));
        }
        return lines;
    }

    /** Where the backup taken first goes. */
    public String backupLine() {
        return "Backup: every table and sequence goes to a new folder in " + backupFolder + " before anything changes.";
    }

    private static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    /** What follows the adoption's transaction: the later versions, each an ordinary upgrade; empty when there are none. */
    public String upgradesAfter() {
        int latest = MigrationCatalog.latestVersion();
        return latest == AdoptionPlan.ADOPTED_VERSION ? "" : "Then the schema is upgraded from version " + AdoptionPlan.ADOPTED_VERSION
                + " to " + latest + ", each version in its own transaction as migrate does; if one of them fails, the database stays adopted "
                + "at the last version that succeeded and migrate finishes the upgrade.";
    }

    /** How to go back afterwards, in words; the downgrade preview of an adopted database says the same. */
    public String wayBack() {
        return "The way back: SyncDesk has no schema below version " + AdoptionPlan.ADOPTED_VERSION + " for this database. Restoring the backup "
                + "taken first (restore BACKUP; backups lists it as \"before adoption\") gives back the sprint-reports database as it is now: "
                + "its enum types, values and alembic_version row.";
    }
}
