package com.syncdesk.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Binds and reads values the same way on both vendors, for the services' plain-JDBC paths. */
public final class SqlValues {

    private SqlValues() {
    }

    public static void bindInstant(PreparedStatement statement, int index, Instant value, Vendor vendor) throws SQLException {
        if (value == null) {
            statement.setNull(index, vendor == Vendor.SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (vendor == Vendor.SQLITE) {
            statement.setString(index, SqliteTimestamps.format(value));
        } else {
            // Truncated like on SQLite: PostgreSQL would round the nanoseconds, so the vendors would disagree.
            statement.setObject(index, value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads a timestamp column; null when the column is null. */
    public static StoredInstant readInstant(ResultSet rs, String column, Vendor vendor) throws SQLException {
        return readInstant(rs, rs.findColumn(column), vendor);
    }

    /** By position; PostgreSQL's typed columns have no stored text beside the instant. */
    public static StoredInstant readInstant(ResultSet rs, int column, Vendor vendor) throws SQLException {
        if (vendor == Vendor.SQLITE) {
            Object stored = rs.getObject(column);
            return stored == null ? null : new StoredInstant(SqliteTimestamps.parse(stored).orElse(null), stored.toString());
        }
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : new StoredInstant(value.toInstant(), null);
    }

    public static Long readLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * A sum that cannot overflow: SQLite's {@code sum()} fails with "integer overflow" past 64 bits (values
     * another client wrote out of range), its {@code total()} is a real and never does.
     */
    public static String safeSum(Vendor vendor, String expression) {
        return (vendor == Vendor.SQLITE ? "total(" : "sum(") + expression + ")";
    }

    /** A sum as a count of at most {@link Long#MAX_VALUE}, read as a real so that a numeric past 64 bits reads too. */
    public static long readSaturated(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return value >= Long.MAX_VALUE ? Long.MAX_VALUE : value <= Long.MIN_VALUE ? Long.MIN_VALUE : Math.round(value);
    }

    public static Integer readInteger(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Instant readInstantValue(ResultSet rs, String column, Vendor vendor) throws SQLException {
        StoredInstant stored = readInstant(rs, column, vendor);
        return stored == null ? null : stored.instant();
    }

    public static Integer readInteger(ResultSet rs, String column) throws SQLException {
        return readInteger(rs, rs.findColumn(column));
    }

    /** A LIKE pattern matching {@code text} literally anywhere, with {@code \} as the escape character. */
    public static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Case-insensitive LIKE: SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE. */
    public static String likeOperator(Vendor vendor) {
        return vendor == Vendor.POSTGRESQL ? "ILIKE" : "LIKE";
    }

    /** The JSON cast a bound text parameter needs (PostgreSQL stores JSON as jsonb). */
    public static String jsonParameter(Vendor vendor) {
        return vendor == Vendor.POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    }
}
