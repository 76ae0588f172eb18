package com.syncdesk.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Quietly;
import com.syncdesk.persistence.Vendor;

/**
 * One sync run at a time per database. SQLite: an exclusive OS lock on {@code <database>.sync-lock} beside
 * the file (released by the OS when the process dies); the holder writes who it is into the file. PostgreSQL:
 * a session advisory lock, its holder named in the session's {@code application_name}. A second run is
 * refused with the holder's host, process id and start.
 */
public final class SyncLock implements AutoCloseable {

    /** Advisory lock keys: the same class as the migration lock, another object. */
    private static final int ADVISORY_CLASS = 0x53594E43;
    private static final int ADVISORY_OBJECT = 2;
    private static final String APPLICATION_PREFIX = "syncdesk-sync|";
    /** application_name holds at most 63 bytes. */
    private static final int APPLICATION_NAME_LIMIT = 63;
    /** The OS lock covers one byte far past the text, so the holder's text stays readable on systems with mandatory locks. */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    /** Who holds the lock. */
    public record Holder(String host, long pid, Instant since) {

        static Holder thisProcess() {
            return new Holder(hostName(), ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        /** "ops-laptop (process 4711) since 2026-12-01T10:15:30Z". */
        public String describe() {
            return host + " (process " + pid + ") since " + since;
        }

        String encoded() {
            return pid + "|" + since.getEpochSecond() + "|" + host;
        }

        static Optional<Holder> decode(String text) {
            String[] parts = text.strip().split("\\|", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Holder(parts[2], Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Holder holder;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final Connection session;

    private SyncLock(Holder holder, FileChannel channel, FileLock fileLock, Connection session) {
        this.holder = holder;
        this.channel = channel;
        this.fileLock = fileLock;
        this.session = session;
    }

    /** The lock, or a refusal ({@link Reason#SYNC_IN_PROGRESS}) naming who holds it. */
    public static SyncLock acquire(Database database) {
        Holder me = Holder.thisProcess();
        return database.vendor() == Vendor.SQLITE ? sqlite(database, me) : postgres(database, me);
    }

    public Holder holder() {
        return holder;
    }

    static Path lockFileOf(SqliteFile database) {
        Path file = database.realPath();
        return file.resolveSibling(file.getFileName() + ".sync-lock");
    }

    private static SyncLock sqlite(Database database, Holder me) {
        SqliteFile file = (SqliteFile) database.target();
        Path lockFile = lockFileOf(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DatabaseException(Reason.READ_ONLY, "Cannot sync " + file.path() + ": the lock file " + lockFile.getFileName()
                    + " cannot be created beside it (" + e.getMessage() + "). Nothing was changed.", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            Optional<Holder> holder = readHolder(lockFile);
            Quietly.close(channel);
            throw inProgress(database, holder);
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me.encoded() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            Quietly.release(lock, channel);
            throw new DatabaseException(Reason.READ_ONLY, "Cannot sync " + file.path() + ": the lock file " + lockFile.getFileName()
                    + " cannot be written (" + e.getMessage() + "). Nothing was changed.", e);
        }
        return new SyncLock(me, channel, lock, null);
    }

    private static Optional<Holder> readHolder(Path lockFile) {
        try {
            return Holder.decode(Files.readString(lockFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SyncLock postgres(Database database, Holder me) {
        Connection session = null;
        try {
            session = database.connection();
            boolean granted;
            try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, ADVISORY_CLASS);
                lock.setInt(2, ADVISORY_OBJECT);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    granted = row.getBoolean(1);
                }
            }
            if (!granted) {
                Optional<Holder> holder = postgresHolder(session);
                session.close();
                throw inProgress(database, holder);
            }
            String name = APPLICATION_PREFIX + me.encoded();
            try (PreparedStatement label = session.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                label.setString(1, name.length() > APPLICATION_NAME_LIMIT ? name.substring(0, APPLICATION_NAME_LIMIT) : name);
                label.execute();
            }
            return new SyncLock(me, null, null, session);
        } catch (SQLException e) {
            Quietly.close(session);
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private static Optional<Holder> postgresHolder(Connection session) throws SQLException {
        try (PreparedStatement query = session.prepareStatement("SELECT a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? "
                + "AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            query.setLong(1, ADVISORY_CLASS);
            query.setLong(2, ADVISORY_OBJECT);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String name = row.getString(1);
                if (name != null && name.startsWith(APPLICATION_PREFIX)) {
                    return Holder.decode(name.substring(APPLICATION_PREFIX.length()));
                }
                // Another program took the key: name its address and session start at least.
                String address = row.getString(2);
                return Optional.of(new Holder(address == null ? "a local session" : address, 0,
                        row.getTimestamp(3) == null ? Instant.EPOCH : row.getTimestamp(3).toInstant()));
            }
        }
    }

    private static DatabaseException inProgress(Database database, Optional<Holder> holder) {
        return new DatabaseException(Reason.SYNC_IN_PROGRESS, "Another sync run is working on " + database.target().describe()
                + holder.map(h -> ": it runs on " + h.describe()).orElse("") + ". Wait for it to finish (or stop it); nothing was changed.");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown host");
        }
    }

    @Override
    public void close() {
        if (session != null) {
            try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?, ?), set_config('application_name', 'SyncDesk', false)")) {
                unlock.setInt(1, ADVISORY_CLASS);
                unlock.setInt(2, ADVISORY_OBJECT);
                unlock.execute();
            } catch (SQLException ignored) {
                // Closing the session below ends the advisory lock anyway.
            }
            Quietly.close(session);
        } else {
            try {
                channel.truncate(0);
            } catch (IOException ignored) {
                // A stale holder line is harmless: only a held lock refuses.
            }
            Quietly.release(fileLock, channel);
        }
    }
}
