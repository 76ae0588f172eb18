package com.syncdesk.adoption;

import java.util.List;

/** One statement adopt runs, as the preview prints it. */
public sealed interface AdoptionStatement {

    String sql();

    /** A statement executed as it stands. */
    record Execute(String sql) implements AdoptionStatement {
    }

    /** A table written to the backup as CSV ({@code COPY ... TO STDOUT}). */
    record ExportTable(String table, List<String> columns, String sql) implements AdoptionStatement {
    }

    /** A sequence's position written to the backup, so a restore continues numbering where the original stood. */
    record ReadSequence(String sequence, String sql) implements AdoptionStatement {
    }
}
