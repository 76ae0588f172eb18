package com.syncdesk.migration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/**
 * The refusals every schema change meets first: a newer schema, a failed migration, SyncDesk's tables in
 * another PostgreSQL schema than the URL's, another application's tables.
 */
final class SchemaGuard {

    /** A URL that chooses its schema: pgjdbc's currentSchema, or a search_path passed in the options. */
    private static final Pattern URL_NAMES_SCHEMA = Pattern.compile("(?i)[?&](currentSchema=|options=[^&]*search_path)");
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    private final Database database;
    private final ForeignDatabases foreign;

    SchemaGuard(Database database, ForeignDatabases foreign) {
        this.database = database;
        this.foreign = foreign;
    }

    void refuseUnsafe(SchemaStatus status) {
        refuseUnsafe(status, false);
    }

    /**
     * Like {@link #refuseUnsafe}, except that an upgrade may create SyncDesk's schema in a schema the URL names
     * even when SyncDesk already lives in another schema of the database: naming it is the operator's choice.
     */
    void refuseUnsafeUpgrade(SchemaStatus status) {
        refuseUnsafe(status, urlNamesSchema());
    }

    private void refuseUnsafe(SchemaStatus status, boolean mayStartBesideAnother) {
        refuseNewer(status);
        if (status.hasFailedMigration()) {
            throw SchemaWords.failedRefusal(database.target().describe());
        }
        refuseUnmanaged(status, mayStartBesideAnother);
        foreign.refusalOfHistory(status).ifPresent(refusal -> {
            throw refusal;
        });
    }

    boolean isForeign(SchemaStatus status) {
        return status.currentVersion() == 0 && hasForeignTables();
    }

    /** Below a baseline there is no SyncDesk schema to go to: the database was taken over at that version. */
    void refuseBelowBaseline(SchemaStatus status, int target) {
        Optional<MigrationEntry> baseline = status.baseline().filter(b -> target < b.version());
        if (baseline.isEmpty()) {
            return;
        }
        int version = baseline.get().version();
        throw new IllegalArgumentException(foreign.belowBaseline(baseline.get()).orElse("Version " + version + " is the baseline of "
                + database.target().describe() + ": its schema history starts there, and SyncDesk cannot go below it.") + " Nothing was changed.");
    }

    void refuseNewer(SchemaStatus status) {
        if (status.isNewerThanApp()) {
            throw SchemaWords.newerRefusal(status, database.target().describe());
        }
    }

    /**
     * Refuses a database SyncDesk does not manage: version 0 in the URL's schema while SyncDesk's tables sit in
     * another schema, or version 0 with another application's tables.
     */
    void refuseUnmanaged(SchemaStatus status) {
        refuseUnmanaged(status, false);
    }

    private void refuseUnmanaged(SchemaStatus status, boolean mayStartBesideAnother) {
        if (status.currentVersion() != 0) {
            return;
        }
        if (!mayStartBesideAnother) {
            refuseIfSyncDeskIsElsewhere();
        }
        if (hasForeignTables()) {
            throw foreign.refusal();
        }
    }

    /** A SyncDesk schema found in another PostgreSQL schema; {@code version} is null when the role may not read its history. */
    private record SyncDeskSchema(String name, Integer version) {
        String describe() {
            return "schema " + name + (version == null ? "" : " (version " + version + ")");
        }
    }

    private void refuseIfSyncDeskIsElsewhere() {
        if (database.vendor() != Vendor.POSTGRESQL) {
            return;
        }
        String urlSchema;
        List<SyncDeskSchema> elsewhere = new ArrayList<>();
        try (Connection connection = database.connection()) {
            urlSchema = scalar(connection, "SELECT coalesce(current_schema(), current_setting('search_path'))");
            // SyncDesk's mark is its schema history beside its sync_metadata table.
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT n.nspname FROM pg_namespace n "
                         + "WHERE n.nspname IS DISTINCT FROM current_schema() "
                         + "AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relname = '" + SchemaHistory.HISTORY_TABLE + "') "
                         + "AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relname = 'sync_metadata') ORDER BY n.nspname")) {
                while (rows.next()) {
                    elsewhere.add(new SyncDeskSchema(rows.getString(1), null));
                }
            }
            elsewhere.replaceAll(schema -> new SyncDeskSchema(schema.name(), versionIn(connection, schema.name())));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        if (elsewhere.isEmpty()) {
            return;
        }
        String found = elsewhere.stream().map(SyncDeskSchema::describe).collect(Collectors.joining(" and "));
        String pointers = elsewhere.stream().map(schema -> "currentSchema=" + urlParameter(schema.name())).collect(Collectors.joining(" or "));
        throw new DatabaseException(Reason.SCHEMA_ELSEWHERE, database.target().describe() + " has no SyncDesk schema in schema " + urlSchema
                + " (the URL's), but SyncDesk's tables are in " + found + ": add " + pointers + " to the URL. To create another SyncDesk "
                + "schema in " + urlSchema + " instead, name it in the URL (currentSchema=" + urlParameter(urlSchema)
                + ") and run migrate. Nothing was changed.");
    }

    /** The version recorded in another schema's history, or null when this role may not read it. */
    private static Integer versionIn(Connection connection, String schema) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT max(CAST(version AS integer)) FROM " + quoted(schema) + "."
                     + SchemaHistory.HISTORY_TABLE + " WHERE success AND version ~ '^[0-9]+$'")) {
            row.next();
            int version = row.getInt(1);
            return row.wasNull() ? null : version;
        } catch (SQLException notReadable) {
            return null;
        }
    }

    private boolean urlNamesSchema() {
        return database.target() instanceof PostgresServer server && URL_NAMES_SCHEMA.matcher(server.jdbcUrl()).find();
    }

    private boolean hasForeignTables() {
        try (Connection connection = database.connection()) {
            for (String table : database.vendor() == Vendor.POSTGRESQL ? postgresTablesInTheUrlsSchema(connection) : sqliteTables(connection)) {
                String name = table.toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals(SchemaHistory.HISTORY_TABLE) && !name.equals(SchemaHistory.UNDO_LOG_TABLE)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private static List<String> sqliteTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** The tables of the schema the URL's search_path chooses; none when that schema does not exist yet. */
    private static List<String> postgresTablesInTheUrlsSchema(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A schema name as pgjdbc's currentSchema parameter takes it: quoted when PostgreSQL needs quotes, URL-encoded. */
    private static String urlParameter(String schema) {
        return URLEncoder.encode(PLAIN_IDENTIFIER.matcher(schema).matches() ? schema : quoted(schema), StandardCharsets.UTF_8);
    }
}
