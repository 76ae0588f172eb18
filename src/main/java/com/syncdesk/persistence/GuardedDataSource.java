package com.syncdesk.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Predicate;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Hands out pooled connections, refusing threads that must never wait on a database (the JavaFX
 * application thread). The UI installs the rule at start, so a slip shows up at once in tests.
 */
public final class GuardedDataSource implements DataSource {

    private static volatile Predicate<Thread> forbidden = thread -> false;

    private final DataSource delegate;

    GuardedDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Threads matching the rule get an {@link IllegalStateException} instead of a connection. */
    public static void forbid(Predicate<Thread> rule) {
        forbidden = rule;
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return delegate.getConnection(username, password);
    }

    private static void check() {
        Thread current = Thread.currentThread();
        if (forbidden.test(current)) {
            throw new IllegalStateException("Database access on thread '" + current.getName() + "' is not allowed");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
