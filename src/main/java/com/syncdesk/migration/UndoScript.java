package com.syncdesk.migration;

import java.util.List;

/**
 * The script {@code U<n>} that reverses migration {@code V<n>} exactly. Undo scripts live in
 * {@code migrations/undo/<vendor>/}, outside Flyway's locations, so Flyway never runs them. Each one
 * declares in {@code -- @drops table T} / {@code -- @drops column T.C} lines what it removes, and in
 * {@code -- @derived table T} lines the tables it drops that only hold figures computed from others.
 */
record UndoScript(int version, String description, String resource, List<String> statements, List<Drop> drops,
                  List<String> derivedTables) {

    private static final String DROPS_MARKER = "-- @drops ";
    private static final String DERIVED_MARKER = "-- @derived table ";

    static UndoScript parse(int version, String description, String resource, String sql) {
        List<Drop> drops = sql.lines().filter(line -> line.startsWith(DROPS_MARKER))
                .map(line -> Drop.parse(line.substring(DROPS_MARKER.length()))).toList();
        List<String> derived = sql.lines().filter(line -> line.startsWith(DERIVED_MARKER))
                .map(line -> line.substring(DERIVED_MARKER.length()).strip()).toList();
        return new UndoScript(version, description, resource, SqlScript.statements(sql), drops, derived);
    }

    /** A version the original system applied and SyncDesk has no script for: undoing it only removes its history row. */
    static UndoScript historyRowOnly(int version, String description) {
        return new UndoScript(version, description, "(history row only)", List.of(), List.of(), List.of());
    }
}
