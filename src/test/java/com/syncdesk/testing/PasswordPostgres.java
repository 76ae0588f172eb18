package com.syncdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.syncdesk.persistence.ConnectionTarget;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server that checks passwords, unlike {@link TestPostgres} (which trusts every login):
 * its pg_hba.conf asks for scram-sha-256 over TCP from everyone but the superuser. One server per test
 * run; each caller gets its own database owned by the password role.
 */
public final class PasswordPostgres {

    public static final String USER = "syncdesk_app";
    /** Distinctive, so a scan of files for it cannot match anything by chance. */
    public static final String PASSWORD = "pw-" + UUID.randomUUID().toString().replace("-", "") + "-S3cr3t";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PasswordPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = TestPostgres.startForThisRun();
            try (Connection admin = server.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                Path hba;
                try (ResultSet row = statement.executeQuery("SELECT setting FROM pg_settings WHERE name = 'hba_file'")) {
                    row.next();
                    hba = Path.of(row.getString(1));
                }
                Files.writeString(hba, """
                        local all all trust
                        host all postgres 127.0.0.1/32 trust
                        host all postgres ::1/128 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                statement.execute("SELECT pg_reload_conf()");
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Cannot configure password authentication", e);
            }
        }
        return server;
    }

    /** A new empty database owned by {@link #USER}. */
    public static String freshDatabase() {
        String name = "syncdesk_pw_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database;
    }

    public static ConnectionTarget target(String database, String password) {
        return ConnectionTarget.postgres(jdbcUrl(database), USER, password.toCharArray());
    }
}
