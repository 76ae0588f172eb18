package com.syncdesk.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The data source a {@link Database} hands out. It forwards to the current pool, so Flyway and
 * Hibernate keep working after the pool was closed and replaced (a SQLite restore swaps the file),
 * and it refuses threads that must never wait on a database (the JavaFX application thread): the UI
 * installs that rule at start, so a slip shows up at once in tests.
 */
public final class GuardedDataSource extends ForwardingDataSource {

    private static volatile Predicate<Thread> forbidden = thread -> false;

    private volatile HikariDataSource pool;

    GuardedDataSource(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Threads matching the rule get an {@link IllegalStateException} instead of a connection. */
    public static void forbid(Predicate<Thread> rule) {
        forbidden = rule;
    }

    HikariDataSource pool() {
        return pool;
    }

    void replacePool(HikariDataSource replacement) {
        pool = replacement;
    }

    @Override
    DataSource target() {
        return pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return super.getConnection(username, password);
    }

    private static void check() {
        Thread current = Thread.currentThread();
        if (forbidden.test(current)) {
            throw new IllegalStateException("Database access on thread '" + current.getName() + "' is not allowed");
        }
    }
}
