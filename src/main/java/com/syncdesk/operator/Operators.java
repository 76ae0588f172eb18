package com.syncdesk.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/** Finds the {@code operators} row of a user name, creating it on first use. */
public final class Operators {

    private Operators() {
    }

    public static long idFor(Connection connection, Vendor vendor, String username) throws SQLException {
        Long existing = find(connection, username);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO operators (username, display_name, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, username);
            SqlValues.bindInstant(insert, 3, Instant.now(), vendor);
            insert.executeUpdate();
        }
        return find(connection, username);
    }

    private static Long find(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM operators WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }
}
