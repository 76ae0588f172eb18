package com.syncdesk.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/**
 * An open SyncDesk database: a pooled connection to a SQLite file (foreign keys on, a busy timeout,
 * WAL once the schema is SyncDesk's) or to a PostgreSQL server. Opening only reads: a file that is
 * not a database, or a server that refuses the login, is reported before anything is written.
 */
public final class Database implements AutoCloseable {

    /** How long a SQLite statement waits for another writer before it reports the file as locked. */
    public static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;
    /** The system property that sets {@link #networkTimeoutSeconds()}. */
    public static final String NETWORK_TIMEOUT_PROPERTY = "syncdesk.network.timeout";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Whether opening may create a missing SQLite file. */
    public enum OpenMode { CREATE_IF_MISSING, EXISTING_ONLY }

    private final ConnectionTarget target;
    private final Supplier<HikariDataSource> poolFactory;
    private final GuardedDataSource dataSource;

    private Database(ConnectionTarget target, Supplier<HikariDataSource> poolFactory) {
        this.target = target;
        this.poolFactory = poolFactory;
        this.dataSource = new GuardedDataSource(poolFactory.get());
    }

    public static Database open(ConnectionTarget target) {
        return open(target, OpenMode.CREATE_IF_MISSING);
    }

    public static Database open(ConnectionTarget target, OpenMode mode) {
        Supplier<HikariDataSource> poolFactory = switch (target) {
            case SqliteFile file -> () -> sqlitePool(file, mode);
            case PostgresServer server -> () -> postgresPool(server);
        };
        Database database = new Database(target, poolFactory);
        try (Connection connection = database.connection(); Statement probe = connection.createStatement()) {
            // SQLite opens lazily: reading the schema is what tells a database from any other file.
            probe.execute(target.vendor() == Vendor.SQLITE ? "SELECT count(*) FROM sqlite_master" : "SELECT 1");
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw DatabaseErrors.translate(e, target);
        }
        return database;
    }

    private static HikariDataSource sqlitePool(SqliteFile file, OpenMode mode) {
        Path path = file.path();
        checkSqliteFile(file, mode);
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // Writers take the lock when they begin, so two writers queue on the busy timeout instead of
        // one failing when its read snapshot turns stale mid-transaction.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (mode == OpenMode.EXISTING_ONLY) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        String url = "jdbc:sqlite:" + path;
        boolean readOnlyStorage = Files.exists(path) && isOnReadOnlyStorage(path);
        // Any write transaction on an empty file makes SQLite write its first page: an empty file opened for
        // reading (status) is opened read-only so that it stays 0 bytes.
        boolean emptyForReading = mode == OpenMode.EXISTING_ONLY && isEmptyFile(path);
        if (readOnlyStorage || emptyForReading) {
            config.setReadOnly(true);
            config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        }
        if (readOnlyStorage) {
            // A file on read-only storage (a read-only mount, a write-protected medium) can still be read:
            // opened immutable, SQLite needs no lock or log files beside it. Writes fail as READ_ONLY.
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            url = "jdbc:sqlite:" + path.toUri() + "?immutable=1";
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("sqlite");
        hikari.setReadOnly(readOnlyStorage || emptyForReading);
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        return createPool(hikari, file);
    }

    private static boolean isEmptyFile(Path path) {
        try {
            return Files.isRegularFile(path) && Files.size(path) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when nothing can be written beside or into the file: its file system is mounted read-only. */
    static boolean isOnReadOnlyStorage(Path path) {
        try {
            return Files.getFileStore(path).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkSqliteFile(SqliteFile file, OpenMode mode) {
        Path path = file.path();
        if (Files.isDirectory(path)) {
            throw new DatabaseException(Reason.NOT_A_DATABASE, path + " is a folder, not a database file.");
        }
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            throw new DatabaseException(Reason.NOT_FOUND, "The folder " + path.getParent() + " does not exist.");
        }
        if (!Files.exists(path)) {
            if (mode == OpenMode.EXISTING_ONLY) {
                throw new DatabaseException(Reason.NOT_FOUND, "There is no database at " + path + ".");
            }
            return;
        }
        checkSqliteContent(path);
    }

    /**
     * Refuses, without writing anything, a path that is not a SQLite database: not a regular file (a pipe,
     * which would block a read forever, a device, a socket), not SQLite's header, or shorter than its header
     * says. An empty file passes: it is an empty database.
     */
    public static void checkSqliteContent(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new DatabaseException(Reason.NOT_A_DATABASE, path + " is not a regular file (it is a device, a pipe or a socket), "
                    + "so it cannot be a database. SyncDesk has not changed it.");
        }
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new DatabaseException(Reason.NOT_FOUND, "Cannot read " + path + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return; // an empty file is an empty database: SQLite writes its header with the first table
        }
        if (read < SQLITE_HEADER.length || !Arrays.equals(Arrays.copyOf(header, SQLITE_HEADER.length), SQLITE_HEADER)) {
            throw new DatabaseException(Reason.NOT_A_DATABASE, path + " is not a SQLite database. Choose a SyncDesk database file.");
        }
        if (read < header.length || isShorterThanItsHeaderSays(path, header)) {
            throw new DatabaseException(Reason.CORRUPT, path + " is damaged: the file is shorter than its own header says "
                    + "(it was cut off, perhaps by an interrupted copy). Restore it from a backup; SyncDesk has not changed it.");
        }
    }

    /**
     * SQLite records the database size in pages in its header, valid when the change counter matches the
     * version-valid-for number. A file shorter than that lost its end. Only judged without a write-ahead
     * log or a rollback journal beside the file, since either may still change the file's size.
     */
    private static boolean isShorterThanItsHeaderSays(Path path, byte[] header) {
        ByteBuffer bytes = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(bytes.getShort(16));
        long pageSizeBytes = pageSize == 1 ? 65_536 : pageSize;
        long pages = Integer.toUnsignedLong(bytes.getInt(28));
        boolean sizeValid = bytes.getInt(24) == bytes.getInt(92) && pages > 0;
        try {
            Path wal = path.resolveSibling(path.getFileName() + "-wal");
            Path journal = path.resolveSibling(path.getFileName() + "-journal");
            if (!sizeValid || (Files.exists(wal) && Files.size(wal) > 0) || Files.exists(journal)) {
                return false; // a log or a hot journal beside the file may still change its size
            }
            return Files.size(path) < pages * pageSizeBytes;
        } catch (IOException e) {
            return false;
        }
    }

    private static HikariDataSource postgresPool(PostgresServer server) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(server.jdbcUrl());
        hikari.setUsername(server.user());
        hikari.setPassword(new String(server.password()));
        hikari.setPoolName("postgresql");
        hikari.setMaximumPoolSize(6);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        // Bounded waits: an unreachable host must fail in seconds, not after the OS's TCP timeout.
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("loginTimeout", "10");
        hikari.addDataSourceProperty("ApplicationName", "SyncDesk");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        // A server that stops answering (a frozen backend, a dropped route) fails a read after this long instead of hanging forever.
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(networkTimeoutSeconds()));
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Statuses are skewed (three in four states are completed): a plan made for the actual values beats a
        // generic plan reused for every value, which counted "completed" by index in 175 ms instead of 76 ms.
        hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        return createPool(hikari, server);
    }

    /** How long a PostgreSQL read may wait for the server: {@value #NETWORK_TIMEOUT_PROPERTY} seconds, 120 unless set. */
    public static int networkTimeoutSeconds() {
        return Math.max(1, Integer.getInteger(NETWORK_TIMEOUT_PROPERTY, 120));
    }

    private static HikariDataSource createPool(HikariConfig hikari, ConnectionTarget target) {
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(e, target);
        }
    }

    public ConnectionTarget target() {
        return target;
    }

    public Vendor vendor() {
        return target.vendor();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs work in one transaction and commits it; any failure rolls it back. Driver failures are
     * explained as {@link DatabaseException}s; the work's own exceptions (an invalid value, a stale row) pass unchanged.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, target);
        }
    }

    /**
     * Rolls back after a failure without hiding it: SQLite has often rolled back by itself already (a
     * full disk, an I/O error), and a lost PostgreSQL connection cannot roll back at all; the original
     * failure is what the operator must see.
     */
    public static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            // A dead PostgreSQL connection rethrows the very failure that killed it.
            if (rollbackFailure != failure) {
                failure.addSuppressed(rollbackFailure);
            }
        }
    }

    /**
     * Runs read-only work on one connection without an explicit transaction: each statement sees a
     * consistent snapshot, and on SQLite no lock is held that would queue behind a long writer.
     */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = connection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, target);
        }
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Closes every pooled connection, runs {@code whileClosed} (e.g. swapping the SQLite file), then
     * opens a fresh pool. Closing the pool waits until each connection is really closed, so no
     * connection can keep reading the old file afterwards. The data source handed out before stays valid.
     */
    public synchronized void reopenAfter(Runnable whileClosed) {
        dataSource.pool().close();
        try {
            whileClosed.run();
        } finally {
            dataSource.replacePool(poolFactory.get());
        }
    }

    /** Write-ahead logging lets the UI read while a sync worker writes; it is a lasting property of the file. */
    public void enableWriteAheadLog() {
        if (vendor() != Vendor.SQLITE) {
            return;
        }
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, target);
        }
    }

    /**
     * Builds a Hibernate session factory over this database's pool. With {@code validate}, Hibernate
     * checks every mapped column against the schema and refuses to start on a mismatch.
     */
    public SessionFactory buildSessionFactory(Collection<Class<?>> entityClasses, boolean validate) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySettings(Map.of(
                        AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource,
                        AvailableSettings.HBM2DDL_AUTO, validate ? "validate" : "none",
                        AvailableSettings.JDBC_TIME_ZONE, "UTC",
                        AvailableSettings.STATEMENT_BATCH_SIZE, 50,
                        AvailableSettings.ORDER_UPDATES, true,
                        AvailableSettings.ORDER_INSERTS, true));
        if (vendor() == Vendor.SQLITE) {
            // PostgreSQL's dialect is found from the connection; SQLite needs SyncDesk's own (text timestamps).
            settings.applySetting(AvailableSettings.DIALECT, SyncDeskSQLiteDialect.class.getName());
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entityClasses.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new DatabaseException(Reason.FAILED, "The schema of " + target.describe()
                    + " does not match what SyncDesk expects: " + DatabaseErrors.deepestMessage(e), e);
        }
    }

    @Override
    public void close() {
        dataSource.pool().close();
    }
}
