package com.syncdesk.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.syncdesk.persistence.Vendor;

/**
 * The script {@code U<n>} that reverses migration {@code V<n>} exactly. Undo scripts live in
 * {@code migrations/undo/<vendor>/}, outside Flyway's locations, so Flyway never runs them.
 */
record UndoScript(int version, String description, String resource, List<String> statements) {

    static UndoScript load(Vendor vendor, int version, String description) {
        String resource = "migrations/undo/" + vendor.folder() + "/U" + version + "__" + description.replace(' ', '_') + ".sql";
        try (InputStream in = UndoScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No undo script " + resource + " for version " + version);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new UndoScript(version, description, resource, SqlScript.statements(sql));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
