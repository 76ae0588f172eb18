package com.syncdesk.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.syncdesk.persistence.Vendor;

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

    static UndoScript load(Vendor vendor, int version, String description) {
        String resource = "migrations/undo/" + vendor.folder() + "/U" + version + "__" + description.replace(' ', '_') + ".sql";
        try (InputStream in = UndoScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No undo script " + resource + " for version " + version);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Drop> drops = sql.lines().filter(line -> line.startsWith(DROPS_MARKER))
                    .map(line -> Drop.parse(line.substring(DROPS_MARKER.length()))).toList();
            List<String> derived = sql.lines().filter(line -> line.startsWith(DERIVED_MARKER))
                    .map(line -> line.substring(DERIVED_MARKER.length()).strip()).toList();
            return new UndoScript(version, description, resource, SqlScript.statements(sql), drops, derived);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** A version the original system applied and SyncDesk has no script for: undoing it only removes its history row. */
    static UndoScript historyRowOnly(int version, String description) {
        return new UndoScript(version, description, "(history row only)", List.of(), List.of(), List.of());
    }

    UndoScript withStatementInserted(int position, String statement) {
        List<String> changed = new ArrayList<>(statements);
        changed.add(position, statement);
        return new UndoScript(version, description, resource, List.copyOf(changed), drops, derivedTables);
    }
}
