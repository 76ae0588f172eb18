package com.syncdesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.DatabaseException.Reason;

/**
 * What the connected role may do with SyncDesk's tables, read once from the catalog: on PostgreSQL from
 * {@code has_table_privilege}, {@code has_schema_privilege}, {@code has_database_privilege} and table
 * ownership; on SQLite from whether the file and its folder can be written. Work that needs more is refused
 * before its first statement, naming the role, the privilege and the table, so multi-step work (a downgrade,
 * a repair, a restore) never stops half-way for want of a privilege.
 *
 * @param role   the PostgreSQL role SyncDesk works as; empty on SQLite
 * @param denied what the role lacks among what SyncDesk's work needs of the tables present
 * @param owners each present table's owner, for naming who may change the schema
 * @param writable whether the database takes writes at all (a SQLite file on read-only storage, a PostgreSQL standby do not)
 *                 and, on SQLite, whether its folder does (lock file, backups, a restored file)
 */
public record Privileges(String role, Set<Need> denied, Map<String, String> owners, Writability writable) {

    private static final List<String> RECORD_TABLES = List.of("projects", "boards", "sprints", "issues", "operators",
            "sync_metadata", "conflict_resolutions", "sync_history", "audit_log");
    private static final List<String> COUNT_TABLES = List.of("sync_state_counts", "sync_duration_counts", "sync_error_counts");
    private static final List<String> ENTITY_TABLES = List.of("projects", "boards", "sprints", "issues");
    private static final String HISTORY = "flyway_schema_history";
    private static final String UNDO_LOG = "syncdesk_undo_log";
    /** The JIRA connection and what the sync engine keeps per state; keyed by what they describe, without id sequences. */
    private static final List<String> JIRA_TABLES = List.of("jira_connection", "jira_sync_scope", "sync_snapshots");
    private static final List<String> ALL_TABLES = Stream.of(RECORD_TABLES, JIRA_TABLES, COUNT_TABLES, List.of(HISTORY, UNDO_LOG))
            .flatMap(List::stream).toList();

    /** The work SyncDesk checks before starting; each says in words what it is. */
    public enum Work {
        ACT_ON_STATES("retry, skip or reset sync states"),
        RESOLVE_CONFLICTS("resolve conflicts"),
        CHANGE_SCHEMA("upgrade or downgrade the schema"),
        REPAIR("repair the schema"),
        RESTORE("restore a backup"),
        BACK_UP("take a backup"),
        FILL("load demo data"),
        CONFIGURE_JIRA("change the JIRA connection"),
        SYNC("sync with JIRA");

        private final String words;

        Work(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One thing a piece of work needs: a privilege on a table, sequence, schema or database, or owning a table. */
    public record Need(Kind kind, String privilege, String object) {
        public enum Kind { TABLE, SEQUENCE, SCHEMA, DATABASE, OWNER }

        static Need table(String privilege, String table) {
            return new Need(Kind.TABLE, privilege, table);
        }

        /** In SQL's words: "UPDATE sync_metadata", "INSERT INTO audit_log", "CREATE in schema public". */
        String phrase() {
            return switch (kind) {
                case TABLE -> switch (privilege) {
                    case "SELECT", "DELETE" -> privilege + " FROM " + object;
                    case "INSERT" -> "INSERT INTO " + object;
                    default -> privilege + " " + object;
                };
                case SEQUENCE -> "UPDATE the id sequence of " + object;
                case SCHEMA -> "CREATE in schema " + object;
                case DATABASE -> "create TEMPORARY tables in database " + object;
                case OWNER -> "own " + object;
            };
        }
    }

    /** Whether the database, and on SQLite the folder beside it, can be written, and if not why. */
    public record Writability(boolean database, boolean folder, String why) {
    }

    /** Reads what the connected role may do. Reads only. */
    public static Privileges of(Database database) {
        return database.read(connection -> switch (database.target()) {
            case SqliteFile file -> sqlite(connection, file.path(), database.target().describe());
            case ConnectionTarget.PostgresServer server -> postgres(connection);
        });
    }

    private static Privileges sqlite(Connection connection, Path file, String where) throws SQLException {
        boolean readOnlyConnection = connection.isReadOnly();
        Path folder = file.toAbsolutePath().getParent();
        boolean fileWritable = !readOnlyConnection && (!Files.exists(file) || Files.isWritable(file));
        boolean folderWritable = !readOnlyConnection && folder != null && Files.isWritable(folder);
        String why = readOnlyConnection ? where + " is opened read-only (read-only storage, or an empty file opened to look at)"
                : !fileWritable ? where + " is a read-only file" : !folderWritable ? "the folder of " + where + " is read-only" : "";
        return new Privileges("", Set.of(), Map.of(), new Writability(fileWritable, folderWritable, why));
    }

    private static Privileges postgres(Connection connection) throws SQLException {
        Set<Need> denied = new LinkedHashSet<>();
        Map<String, String> owners = new LinkedHashMap<>();
        String role;
        String schema;
        String databaseName;
        boolean standby;
        boolean readOnlyDefault;
        try (PreparedStatement query = connection.prepareStatement("SELECT current_user, current_schema(), current_database(), "
                + "coalesce((SELECT has_schema_privilege(n.oid, 'CREATE') FROM pg_namespace n WHERE n.nspname = current_schema()), "
                + "has_database_privilege(current_database(), 'CREATE')), has_database_privilege(current_database(), 'TEMPORARY'), "
                + "pg_is_in_recovery(), current_setting('transaction_read_only') = 'on'");
             ResultSet row = query.executeQuery()) {
            row.next();
            role = row.getString(1);
            schema = row.getString(2);
            databaseName = row.getString(3);
            if (!row.getBoolean(4)) {
                denied.add(new Need(Need.Kind.SCHEMA, "CREATE", schema == null ? "(none yet)" : schema));
            }
            if (!row.getBoolean(5)) {
                denied.add(new Need(Need.Kind.DATABASE, "TEMPORARY", databaseName));
            }
            standby = row.getBoolean(6);
            readOnlyDefault = row.getBoolean(7);
        }
        Array names = connection.createArrayOf("text", ALL_TABLES.toArray());
        try (PreparedStatement query = connection.prepareStatement("SELECT c.relname, pg_get_userbyid(c.relowner), "
                + "has_table_privilege(c.oid, 'SELECT'), has_table_privilege(c.oid, 'INSERT'), has_table_privilege(c.oid, 'UPDATE'), "
                + "has_table_privilege(c.oid, 'DELETE'), pg_has_role(c.relowner, 'USAGE'), "
                // The id's sequence (identity or serial) is the one the column owns; a restore and a load move it with setval.
                + "coalesce((SELECT has_sequence_privilege(d.objid, 'UPDATE') FROM pg_depend d JOIN pg_class s ON s.oid = d.objid "
                + "AND s.relkind = 'S' WHERE d.classid = 'pg_class'::regclass AND d.refobjid = c.oid AND d.refobjsubid > 0 LIMIT 1), true) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY (?) ORDER BY c.relname")) {
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    owners.put(table, rows.getString(2));
                    String[] privileges = {"SELECT", "INSERT", "UPDATE", "DELETE"};
                    for (int i = 0; i < privileges.length; i++) {
                        if (!rows.getBoolean(3 + i)) {
                            denied.add(Need.table(privileges[i], table));
                        }
                    }
                    if (!rows.getBoolean(7)) {
                        denied.add(new Need(Need.Kind.OWNER, "OWN", table));
                    }
                    if (RECORD_TABLES.contains(table) && !rows.getBoolean(8)) {
                        denied.add(new Need(Need.Kind.SEQUENCE, "UPDATE", table));
                    }
                }
            }
        }
        String why = standby ? "the PostgreSQL server of database " + databaseName + " is a standby that only serves reads"
                : readOnlyDefault ? "PostgreSQL makes every transaction of the role " + role + " in database " + databaseName
                        + " read-only (default_transaction_read_only is on)" : "";
        return new Privileges(role, Set.copyOf(denied), Map.copyOf(owners), new Writability(!standby && !readOnlyDefault, true, why));
    }

    /** Why the role may not do {@code work}, in an operator's words (as the console shows it beside what it disabled); empty when it may. */
    public Optional<String> refusal(Work work) {
        return writabilityRefusal(work).or(() -> refusal(needs(work), work.words()));
    }

    /** A backup only reads the database (and on SQLite writes beside it); every other piece of work writes into it. */
    private Optional<String> writabilityRefusal(Work work) {
        boolean needsFolder = switch (work) {
            case ACT_ON_STATES, RESOLVE_CONFLICTS, FILL, CONFIGURE_JIRA -> false;
            // A SQLite sync run holds its lock in a file beside the database.
            case CHANGE_SCHEMA, REPAIR, RESTORE, BACK_UP, SYNC -> true;
        };
        boolean ok = (work == Work.BACK_UP || writable.database()) && (!needsFolder || writable.folder());
        return ok ? Optional.empty() : Optional.of("SyncDesk cannot " + work.words() + ": " + writable.why() + ".");
    }

    /** Throws the refusal when the role may not do {@code work}. */
    public void refuseUnless(Work work) {
        Reason reason = writabilityRefusal(work).isPresent() ? Reason.READ_ONLY : Reason.PERMISSION_DENIED;
        refusal(work).ifPresent(message -> {
            throw new DatabaseException(reason, message + " Nothing was changed.");
        });
    }

    /** Throws a refusal unless the role owns every one of {@code tables} (recreating their indexes and triggers needs it). */
    public void refuseUnlessOwner(Set<String> tables, String toDo) {
        List<Need> needs = tables.stream().map(table -> new Need(Need.Kind.OWNER, "OWN", table)).toList();
        refusal(needs, toDo).ifPresent(message -> {
            throw new DatabaseException(Reason.PERMISSION_DENIED, message + " Nothing was changed.");
        });
    }

    private Optional<String> refusal(List<Need> needs, String toDo) {
        List<Need> lacking = needs.stream().map(this::deniedFor).flatMap(Optional::stream).distinct().toList();
        if (lacking.isEmpty()) {
            return Optional.empty();
        }
        // Not owning a table is the one thing said when it applies: connecting as the owner settles the rest as well.
        List<String> notOwned = lacking.stream().filter(n -> n.kind() == Need.Kind.OWNER).map(Need::object).toList();
        if (!notOwned.isEmpty()) {
            List<String> ownerNames = notOwned.stream().map(owners::get).distinct().toList();
            String tables = notOwned.size() == owners.size() ? "SyncDesk's tables" : list(notOwned);
            return Optional.of("The role " + role + " does not own " + tables + ": only " + (ownerNames.size() == 1 ? "their owner, " : "their owners, ")
                    + list(ownerNames) + ", may " + toDo + "; connect as " + (ownerNames.size() == 1 ? "that role" : "one of them") + ".");
        }
        return Optional.of("The role " + role + " may not " + grouped(lacking) + " (needed to " + toDo + "); ask for "
                + (lacking.size() == 1 ? "that privilege" : "those privileges") + ".");
    }

    /** The denied need matching {@code need}; schema and database needs match whatever the schema or database is called. */
    private Optional<Need> deniedFor(Need need) {
        return denied.stream().filter(d -> d.kind() == need.kind() && d.privilege().equals(need.privilege())
                && (need.object() == null || need.object().equals(d.object()))).findFirst();
    }

    /** "UPDATE sync_metadata or conflict_resolutions, nor INSERT INTO audit_log": one clause per privilege and kind of object. */
    private static String grouped(List<Need> needs) {
        Map<String, List<Need>> byPrivilege = new LinkedHashMap<>();
        for (Need need : needs) {
            byPrivilege.computeIfAbsent(need.kind() + " " + need.privilege(), p -> new ArrayList<>()).add(need);
        }
        List<String> clauses = new ArrayList<>();
        byPrivilege.values().forEach(group -> {
            Need first = group.getFirst();
            if (group.size() == 1) {
                clauses.add(first.phrase());
            } else if (first.kind() == Need.Kind.SEQUENCE) {
                clauses.add("UPDATE the id sequences of " + list(group.stream().map(Need::object).toList()));
            } else {
                clauses.add(first.phrase() + (group.size() == 2 ? " or " : ", ")
                        + list(group.stream().skip(1).map(Need::object).toList()));
            }
        });
        return String.join(", nor ", clauses);
    }

    /** "a", "a or b", "a, b or c". */
    private static String list(List<String> items) {
        return items.size() == 1 ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }

    /** What {@code work} needs on PostgreSQL, of the tables SyncDesk ships. */
    private static List<Need> needs(Work work) {
        List<Need> needs = new ArrayList<>();
        switch (work) {
            case ACT_ON_STATES -> {
                needs.add(Need.table("UPDATE", "sync_metadata"));
                needs.add(Need.table("INSERT", "audit_log"));
                countTablesWritten(needs);
            }
            case RESOLVE_CONFLICTS -> {
                needs.add(Need.table("UPDATE", "sync_metadata"));
                needs.add(Need.table("UPDATE", "conflict_resolutions"));
                ENTITY_TABLES.forEach(table -> {
                    needs.add(Need.table("UPDATE", table));
                    needs.add(Need.table("DELETE", table));
                });
                needs.add(Need.table("INSERT", "operators"));
                needs.add(Need.table("INSERT", "audit_log"));
                countTablesWritten(needs);
            }
            case CHANGE_SCHEMA -> {
                ALL_TABLES.forEach(table -> needs.add(new Need(Need.Kind.OWNER, "OWN", table)));
                needs.add(new Need(Need.Kind.SCHEMA, "CREATE", null));
            }
            case REPAIR -> {
                needs.add(Need.table("UPDATE", HISTORY));
                needs.add(Need.table("DELETE", HISTORY));
                COUNT_TABLES.forEach(table -> {
                    needs.add(Need.table("DELETE", table));
                    needs.add(Need.table("INSERT", table));
                });
            }
            case RESTORE -> {
                needs.add(new Need(Need.Kind.DATABASE, "TEMPORARY", null));
                RECORD_TABLES.forEach(table -> {
                    for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
                        needs.add(Need.table(privilege, table));
                    }
                    needs.add(new Need(Need.Kind.SEQUENCE, "UPDATE", table));
                });
                JIRA_TABLES.forEach(table -> List.of("SELECT", "INSERT", "UPDATE", "DELETE").forEach(privilege -> needs.add(Need.table(privilege, table))));
                countTablesWritten(needs);
            }
            case BACK_UP -> Stream.concat(RECORD_TABLES.stream(), JIRA_TABLES.stream()).forEach(table -> needs.add(Need.table("SELECT", table)));
            case FILL -> {
                RECORD_TABLES.forEach(table -> {
                    needs.add(Need.table("INSERT", table));
                    needs.add(new Need(Need.Kind.SEQUENCE, "UPDATE", table));
                });
                // The load sets indexes, foreign keys and the count triggers aside, which only a table's owner may.
                List.of("issues", "sprints", "sync_metadata", "conflict_resolutions", "sync_history")
                        .forEach(table -> needs.add(new Need(Need.Kind.OWNER, "OWN", table)));
                COUNT_TABLES.forEach(table -> needs.add(Need.table("INSERT", table)));
            }
            case CONFIGURE_JIRA -> {
                List.of("jira_connection", "jira_sync_scope").forEach(table -> List.of("INSERT", "UPDATE", "DELETE")
                        .forEach(privilege -> needs.add(Need.table(privilege, table))));
                needs.add(Need.table("INSERT", "audit_log"));
            }
            case SYNC -> {
                Stream.concat(ENTITY_TABLES.stream(), Stream.of("sync_metadata", "conflict_resolutions", "sync_snapshots")).forEach(table ->
                        List.of("SELECT", "INSERT", "UPDATE", "DELETE").forEach(privilege -> needs.add(Need.table(privilege, table))));
                List.of("SELECT", "INSERT", "UPDATE").forEach(privilege -> needs.add(Need.table(privilege, "sync_history")));
                List.of("SELECT", "INSERT").forEach(privilege -> needs.add(Need.table(privilege, "operators")));
                countTablesWritten(needs);
            }
        }
        return needs;
    }

    /** Every write to sync_metadata fires the count triggers, which run as the writer and insert into the count tables. */
    private static void countTablesWritten(List<Need> needs) {
        COUNT_TABLES.forEach(table -> needs.add(Need.table("INSERT", table)));
    }
}
