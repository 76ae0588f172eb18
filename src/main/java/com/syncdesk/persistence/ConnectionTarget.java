package com.syncdesk.persistence;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where a database lives. Passwords stay in memory and never appear in {@link #describe()} or {@code toString()}. */
public sealed interface ConnectionTarget {

    Vendor vendor();

    /** What the status bar and messages show: the file path, or host and database. */
    String describe();

    static ConnectionTarget sqlite(Path file) {
        return new SqliteFile(file.toAbsolutePath().normalize());
    }

    static ConnectionTarget postgres(String jdbcUrl, String user, char[] password) {
        return PostgresServer.of(jdbcUrl, user, password);
    }

    record SqliteFile(Path path) implements ConnectionTarget {
        @Override
        public Vendor vendor() {
            return Vendor.SQLITE;
        }

        /**
         * The file itself, links resolved: what a lock, a backup folder or a restore must be about, so that a
         * symbolic link and the real path name one database. A file not created yet is named as given.
         */
        public Path realPath() {
            try {
                return path.toRealPath();
            } catch (IOException notThereYet) {
                return path;
            }
        }

        @Override
        public String describe() {
            return path.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * A PostgreSQL server. A URL carrying a password is refused: every user could read it in the process list and
     * shell histories keep it. The password travels beside the URL, in memory only.
     */
    record PostgresServer(String jdbcUrl, String user, char[] password) implements ConnectionTarget {

        private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&])password=[^&]*&?");

        static PostgresServer of(String jdbcUrl, String user, char[] password) {
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database): "
                        + withoutPassword(jdbcUrl));
            }
            if (PASSWORD_PARAM.matcher(jdbcUrl).find()) {
                throw new IllegalArgumentException("The URL " + withoutPassword(jdbcUrl) + " carries a password, which every user could read in "
                        + "the process list and which shell histories keep. Remove it and set SYNCDESK_PASSWORD, or enter it when SyncDesk "
                        + "asks; nothing was opened.");
            }
            return new PostgresServer(jdbcUrl, user, password == null ? new char[0] : password.clone());
        }

        static String withoutPassword(String url) {
            String stripped = PASSWORD_PARAM.matcher(url).replaceAll("$1");
            return stripped.endsWith("?") || stripped.endsWith("&") ? stripped.substring(0, stripped.length() - 1) : stripped;
        }

        @Override
        public Vendor vendor() {
            return Vendor.POSTGRESQL;
        }

        /** {@code host:port/database}, taken from the URL. */
        @Override
        public String describe() {
            try {
                URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
                String host = uri.getHost() == null ? "localhost" : uri.getHost();
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                String database = uri.getPath() == null ? "" : uri.getPath();
                return host + port + database + (user == null ? "" : " as " + user);
            } catch (IllegalArgumentException unusual) {
                return jdbcUrl;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PostgresServer that && jdbcUrl.equals(that.jdbcUrl)
                    && Objects.equals(user, that.user) && Arrays.equals(password, that.password);
        }

        @Override
        public int hashCode() {
            return jdbcUrl.hashCode();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
