package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.sqlite.SQLiteDataSource;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.Vendor;

/**
 * The schema a fresh database has at a version, built with this SyncDesk's own migration scripts and read
 * with {@link SchemaCapture}. Nothing of it lasts: SQLite builds it in memory; PostgreSQL builds it in a
 * temporary schema of the same database, inside one transaction that is rolled back, so it costs the
 * database nothing and another session never sees it.
 */
final class ReferenceSchema {

    private ReferenceSchema() {
    }

    static Map<String, SchemaObject> at(Database database, int version) {
        return database.vendor() == Vendor.SQLITE ? sqlite(version) : postgres(database, version);
    }

    private static Map<String, SchemaObject> sqlite(int version) {
        SQLiteDataSource memory = new SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");
        try (Connection connection = memory.getConnection()) {
            migrate(connection, Vendor.SQLITE, version);
            return SchemaCapture.sqlite(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SyncDesk's own migrations fail on an empty SQLite database: " + e.getMessage(), e);
        }
    }

    private static Map<String, SchemaObject> postgres(Database database, int version) {
        String schema = "syncdesk_reference_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = database.connection()) {
            refuseWithoutCreate(connection, database);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
                statement.execute("SET LOCAL search_path = " + schema);
                migrate(connection, Vendor.POSTGRESQL, version);
                Map<String, SchemaObject> reference = withChecksAsRecreated(connection, schema, SchemaCapture.postgres(connection, schema));
                connection.rollback();
                return reference;
            } catch (SQLException | RuntimeException e) {
                Database.rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    /**
     * PostgreSQL writes a check's expression back differently once it is added again from its own definition (casts move),
     * so each check is recreated as repair would recreate it, and both forms count as SyncDesk's.
     */
    private static Map<String, SchemaObject> withChecksAsRecreated(Connection connection, String schema, Map<String, SchemaObject> reference)
            throws SQLException {
        List<SchemaObject> checks = reference.values().stream()
                .filter(o -> o.kind() == SchemaObject.Kind.CONSTRAINT && o.definition().startsWith("CHECK")).toList();
        try (Statement statement = connection.createStatement()) {
            for (SchemaObject check : checks) {
                statement.execute("ALTER TABLE " + check.table() + " DROP CONSTRAINT " + check.name());
                statement.execute(check.ddl());
            }
        }
        Map<String, SchemaObject> recreated = SchemaCapture.postgres(connection, schema);
        Map<String, SchemaObject> both = new LinkedHashMap<>(reference);
        checks.forEach(check -> both.put(check.key(), check.rewrittenAs(recreated.get(check.key()).definition())));
        return both;
    }

    private static void refuseWithoutCreate(Connection connection, Database database) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user, current_database(), has_database_privilege(current_database(), 'CREATE')")) {
            row.next();
            if (!row.getBoolean(3)) {
                throw new DatabaseException(Reason.PERMISSION_DENIED, "The role " + row.getString(1) + " may not CREATE schemas in database "
                        + row.getString(2) + " (needed to compare " + database.target().describe() + " with a fresh schema, built in a temporary "
                        + "schema that is rolled back); ask for that privilege, or validate as the schema's owner. Nothing was changed.");
            }
        }
    }

    /** Runs the upgrade scripts of every shipped version up to {@code version}, in order, on the connection's schema. */
    private static void migrate(Connection connection, Vendor vendor, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (MigrationCatalog.Script script : MigrationCatalog.scripts(vendor)) {
                if (script.version() > version) {
                    break;
                }
                for (String sql : MigrationCatalog.upgradeStatements(vendor, script.version())) {
                    statement.execute(sql);
                }
            }
        }
    }
}
