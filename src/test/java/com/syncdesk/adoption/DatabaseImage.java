package com.syncdesk.adoption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;

/**
 * Everything a client of a PostgreSQL database can tell about it, as lines: the schema ({@link SchemaSnapshot}
 * and {@link SchemaShape}: enum types, sequences, functions as well), where each sequence stands, and every row of
 * every table ordered by its primary key (tables without an id column included, which {@link TableDump#of} cannot order).
 */
final class DatabaseImage {

    private DatabaseImage() {
    }

    static List<String> of(ConnectionTarget target) {
        try (Database database = Database.open(target, Database.OpenMode.EXISTING_ONLY); Connection connection = database.connection()) {
            List<String> image = new ArrayList<>(SchemaSnapshot.capture(database));
            image.addAll(SchemaShape.of(connection));
            image.addAll(sequences(connection));
            for (String table : names(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                    + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                image.add("rows of " + table);
                image.addAll(rows(connection, table));
            }
            return image;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the table, ordered by its primary key (by every column when it has none). */
    static List<String> rows(Connection connection, String table) throws SQLException {
        return TableDump.rows(connection, "SELECT * FROM " + table + " ORDER BY " + String.join(", ", orderOf(connection, table)));
    }

    private static List<String> sequences(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String sequence : names(connection, "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' "
                + "ORDER BY sequence_name")) {
            lines.addAll(TableDump.rows(connection, "SELECT '" + sequence + "' AS sequence, last_value, is_called FROM " + sequence));
        }
        return lines;
    }

    /** The primary key's columns; for a table without one (V10's count tables) every column. */
    private static List<String> orderOf(Connection connection, String table) throws SQLException {
        List<String> key = primaryKey(connection, table);
        return key.isEmpty() ? names(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = '" + table + "' ORDER BY ordinal_position") : key;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                + "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY a.attnum")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
