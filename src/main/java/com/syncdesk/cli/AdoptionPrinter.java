package com.syncdesk.cli;

import java.io.PrintWriter;

import com.syncdesk.adoption.AdoptionPreview;

/** Prints what adopt would do: every statement in order, then the conversion report, the backup and the way back. */
final class AdoptionPrinter {

    private AdoptionPrinter() {
    }

    static void print(AdoptionPreview preview, PrintWriter out) {
        out.println(preview.headline());
        preview.sqlLines().forEach(out::println);
        if (!preview.upgradesAfter().isEmpty()) {
            out.printf("%n%s%n", preview.upgradesAfter());
        }
        out.println();
        preview.reportLines().forEach(out::println);
        out.printf("%n%s%n", preview.backupLine());
        out.println(preview.wayBack());
        out.flush();
    }
}
