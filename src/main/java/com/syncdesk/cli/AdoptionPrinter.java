package com.syncdesk.cli;

import java.io.PrintWriter;

import com.syncdesk.adoption.AdoptionPreview;
import com.syncdesk.adoption.AdoptionStep;
import com.syncdesk.adoption.ConversionReport.ColumnConversion;
import com.syncdesk.adoption.ConversionReport.MappedCount;
import com.syncdesk.adoption.ConversionReport.TableConversion;
import com.syncdesk.adoption.ConversionReport.TableRows;
import com.syncdesk.adoption.ConversionReport;

/** Prints what adopt would do: every statement in order, then the conversion report, the backup and the way back. */
final class AdoptionPrinter {

    private AdoptionPrinter() {
    }

    static void print(AdoptionPreview preview, PrintWriter out) {
        out.printf("%s is a sprint-reports database at Alembic revision %s.%n", preview.recognition().where(), preview.recognition().revision());
        out.printf("Adopt runs, in one transaction (a failure anywhere leaves the database as it is now), %d statements:%n",
                preview.plan().statementCount());
        int number = 0;
        for (AdoptionStep step : preview.plan().steps()) {
            out.printf("%n-- %d. %s%n", ++number, step.name());
            step.sql().forEach(sql -> out.println(sql + ";"));
        }
        if (!preview.upgradesAfter().isEmpty()) {
            out.printf("%n%s%n", preview.upgradesAfter());
        }
        out.println();
        printReport(preview.report(), out);
        out.printf("%nBackup: every table and sequence goes to a new folder in %s before anything changes.%n", preview.backupFolder());
        out.println(preview.wayBack());
        out.flush();
    }

    private static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    private static void printReport(ConversionReport report, PrintWriter out) {
        out.println("Conversion report (counted in the database; nothing was changed):");
        for (TableConversion table : report.tables()) {
            out.printf("  %s: %s, %s%n", table.table(), rows(table.rows()), table.source());
            for (ColumnConversion column : table.columns()) {
                out.printf("    %s (%s):%n", column.column(), column.change());
                for (MappedCount value : column.values()) {
                    out.printf("      %s -> %s: %d%n", value.mapping().original(), value.mapping().syncDesk(), value.count());
                }
            }
        }
        out.println("  Left as they are (the original's own tables):");
        for (TableRows kept : report.keptAsTheyAre()) {
            out.printf("    %s: %s%n", kept.table(), rows(kept.rows()));
        }
        if (report.blockers().isEmpty()) {
            out.println("  Rows SyncDesk's schema would refuse: none.");
        } else {
            out.println("  Rows SyncDesk's schema would refuse (adopt does not start while there are any):");
            report.blockers().forEach(blocker -> out.println("    " + blocker));
        }
    }
}
