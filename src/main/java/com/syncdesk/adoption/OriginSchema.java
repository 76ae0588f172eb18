package com.syncdesk.adoption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.syncdesk.migration.SqlScript;

/**
 * The original system's database (sprint-reports) at the one Alembic revision SyncDesk adopts: its
 * schema script, shipped with SyncDesk so that a backup taken before adoption can be restored without
 * pg_dump, and the shape a database at that revision has, to recognise one.
 */
final class OriginSchema {

    static final String REVISION = "008_add_sprint_jira_metadata";

    /** Revision names of sprint-reports, from its documentation (002 and 003 are unnamed there). */
    static final Set<String> KNOWN_REVISIONS = Set.of("001_initial_schema", "004_add_sync_models", "004_add_webhook_tables",
            "005_update_webhook_events_schema", "007_align_sync_schema", REVISION);

    static final String VERSION_TABLE = "alembic_version";

    /** Every table of revision 008, parents before the tables that reference them (the order its script creates them in). */
    static final List<String> TABLES_PARENTS_FIRST = List.of("permissions", "roles", "sprints", "users", "role_permissions",
            "sprint_analyses", "user_roles", "sync_metadata", "conflict_resolutions", "sync_history", "webhook_events", VERSION_TABLE);

    /** The tables SyncDesk's schema has too: adopt rebuilds them in SyncDesk's form and converts their rows. */
    static final List<String> SHARED_TABLES = List.of("sprints", "sync_metadata", "conflict_resolutions", "sync_history");

    /** Native enum types of the original; SyncDesk stores these values as text. */
    static final List<String> ENUM_TYPES = List.of("syncstatus", "conflictresolutionstrategy");

    private static final String SCRIPT = "com/syncdesk/adoption/sprint-reports-008.sql";
    private static final String SHAPE = "com/syncdesk/adoption/sprint-reports-008.shape";

    private OriginSchema() {
    }

    /** The statements that create an empty database at revision 008, with its alembic_version row. */
    static List<String> statements() {
        return SqlScript.statements(resource(SCRIPT));
    }

    /** {@link SchemaShape} of a database at revision 008, as its script leaves it. */
    static List<String> shape() {
        return resource(SHAPE).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** The tables of revision 008 that are the original's own: adopt leaves them as they are. */
    static List<String> ownTables() {
        return TABLES_PARENTS_FIRST.stream().filter(table -> !SHARED_TABLES.contains(table)).toList();
    }

    private static String resource(String name) {
        try (InputStream in = OriginSchema.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SyncDesk is missing its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
