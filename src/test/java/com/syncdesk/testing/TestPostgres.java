package com.syncdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import com.syncdesk.persistence.ConnectionTarget;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One real PostgreSQL server for the whole test run, started on first use; every test gets its own database. */
public final class TestPostgres {

    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = startForThisRun();
        }
        return server;
    }

    /** Starts an embedded PostgreSQL that stops when the test JVM exits. */
    static EmbeddedPostgres startForThisRun() {
        EmbeddedPostgres started;
        try {
            started = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temp cluster is removed by the OS later
            }
        }));
        return started;
    }

    /** A new empty database on the shared server. */
    public static ConnectionTarget freshDatabase() {
        String name = "syncdesk_test_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ConnectionTarget.postgres(jdbcUrl(name), USER, new char[0]);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }
}
