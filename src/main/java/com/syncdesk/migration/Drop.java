package com.syncdesk.migration;

/**
 * A table, or one column of a table, that an undo step removes.
 *
 * @param column the dropped column, or null when the whole table goes
 */
public record Drop(String table, String column) {

    public boolean isTable() {
        return column == null;
    }

    /** e.g. "table audit_log" or "column sprints.sync_status". */
    public String describe() {
        return isTable() ? "table " + table : "column " + table + "." + column;
    }

    static Drop parse(String declaration) {
        String[] parts = declaration.strip().split("\\s+");
        if (parts.length == 2 && parts[0].equals("table")) {
            return new Drop(parts[1], null);
        }
        if (parts.length == 2 && parts[0].equals("column") && parts[1].contains(".")) {
            int dot = parts[1].indexOf('.');
            return new Drop(parts[1].substring(0, dot), parts[1].substring(dot + 1));
        }
        throw new IllegalStateException("Cannot read the drop declaration '" + declaration + "'");
    }
}
