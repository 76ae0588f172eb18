package com.syncdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;

/** Login roles with fewer privileges than the owner, on the shared {@link TestPostgres} server (roles are server-wide). */
public final class PostgresRoles {

    private static final AtomicInteger ROLES = new AtomicInteger();

    private PostgresRoles() {
    }

    /** A new role that may read every table of the public schema but change nothing (optionally not even read some tables). */
    public static ConnectionTarget selectOnly(ConnectionTarget database, String... unreadable) {
        PostgresServer server = (PostgresServer) database;
        String role = "ops_ro_" + ROLES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), TestPostgres.USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + UUID.randomUUID() + "'");
            statement.execute("GRANT USAGE ON SCHEMA public TO " + role);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
            // Tables a later upgrade creates are readable too, as an administrator granting a reading role would set it up.
            statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + role);
            for (String table : unreadable) {
                statement.execute("REVOKE SELECT ON " + table + " FROM " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ConnectionTarget.postgres(server.jdbcUrl(), role, new char[0]);
    }
}
