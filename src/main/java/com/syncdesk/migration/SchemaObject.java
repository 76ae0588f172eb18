package com.syncdesk.migration;

/**
 * One object of a schema as validate compares it with a fresh database at the same version.
 *
 * @param table      the table it belongs to (its own name for a table, empty for a function)
 * @param definition what is compared, in a form that does not depend on the schema's name
 * @param ddl        the statement that creates it in the connection's schema, or null when repair cannot create it alone
 * @param rewritten  the definition PostgreSQL gives the same object once it is created from {@code ddl} (a check's
 *                   expression comes back written differently), equally SyncDesk's; null when it is the same
 */
record SchemaObject(Kind kind, String table, String name, String definition, String ddl, String rewritten) {

    /** In the order repair creates them: a trigger needs its function, a function and an index need nothing else. */
    enum Kind { TABLE, COLUMN, FUNCTION, CONSTRAINT, INDEX, TRIGGER }

    SchemaObject(Kind kind, String table, String name, String definition, String ddl) {
        this(kind, table, name, definition, ddl, null);
    }

    /** True when {@code actual} is this object as SyncDesk makes it, or as repair makes it again. */
    boolean isMatchedBy(SchemaObject actual) {
        return actual.definition().equals(definition) || actual.definition().equals(rewritten);
    }

    SchemaObject rewrittenAs(String definitionAfterRecreation) {
        return definitionAfterRecreation.equals(definition) ? this : new SchemaObject(kind, table, name, definition, ddl, definitionAfterRecreation);
    }

    String key() {
        return kind + " " + table + " " + name;
    }

    /** "index idx_unique_entity on sync_metadata", "column sync_metadata.jira_id", "function sync_metadata_count_changes()". */
    String describe() {
        return switch (kind) {
            case TABLE -> "table " + name;
            case COLUMN -> "column " + table + "." + name;
            case FUNCTION -> "function " + name;
            case CONSTRAINT -> constraintKind() + " " + name + " on " + table;
            case INDEX -> "index " + name + " on " + table;
            case TRIGGER -> "trigger " + name + " on " + table;
        };
    }

    private String constraintKind() {
        if (definition.startsWith("CHECK")) {
            return "check";
        }
        if (definition.startsWith("FOREIGN KEY")) {
            return "foreign key";
        }
        if (definition.startsWith("PRIMARY KEY")) {
            return "primary key";
        }
        return definition.startsWith("UNIQUE") ? "unique constraint" : "constraint";
    }
}
