package com.syncdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A login on the shared test PostgreSQL that needs a real password. The embedded server trusts every
 * login, so this adds a scram-sha-256 rule for one role at the top of the server's pg_hba.conf and
 * reloads the configuration; every other role stays trusted.
 */
public final class PasswordPostgres {

    public static final String ROLE = "syncdesk_with_password";
    public static final String PASSWORD = "correct horse battery staple";
    private static boolean ready;

    private PasswordPostgres() {
    }

    /** Creates the role and its rule once per test run; returns the name of a database it may connect to. */
    public static synchronized String database() {
        String name = "syncdesk_password_test";
        if (ready) {
            return name;
        }
        try (Connection admin = TestPostgres.server().getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("SET password_encryption = 'scram-sha-256'");
            sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
            Path hba;
            try (ResultSet row = sql.executeQuery("SHOW hba_file")) {
                row.next();
                hba = Path.of(row.getString(1));
            }
            String rules = Files.readString(hba);
            Files.writeString(hba, "host all " + ROLE + " all scram-sha-256\n" + rules);
            try (ResultSet reloaded = sql.executeQuery("SELECT pg_reload_conf()")) {
                reloaded.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up a password login on the test PostgreSQL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot edit the test PostgreSQL's pg_hba.conf", e);
        }
        ready = true;
        return name;
    }
}
