package com.syncdesk.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds instants on SQLite as {@link SqliteTimestamps sortable UTC text} instead of the driver's
 * epoch milliseconds, and reads every form other clients write. A value that is none of them reads
 * as {@code null} (and is left untouched in the row, since entities use dynamic updates).
 */
final class SqliteTimestampJdbcType implements JdbcType {

    static final SqliteTimestampJdbcType INSTANCE = new SqliteTimestampJdbcType();
    private static final Logger LOG = LoggerFactory.getLogger(SqliteTimestampJdbcType.class);

    @Override
    public int getJdbcTypeCode() {
        return Types.VARCHAR;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.TIMESTAMP_UTC;
    }

    @Override
    public int getDdlTypeCode() {
        return SqlTypes.TIMESTAMP;
    }

    @Override
    public String getFriendlyName() {
        return "TIMESTAMP_AS_UTC_TEXT";
    }

    @Override
    public Class<?> getPreferredJavaTypeClass(WrapperOptions options) {
        return Instant.class;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setString(index, SqliteTimestamps.format(javaType.unwrap(value, Instant.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setString(name, SqliteTimestamps.format(javaType.unwrap(value, Instant.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return javaType.wrap(read(rs.getObject(paramIndex)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(read(statement.getObject(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return javaType.wrap(read(statement.getObject(name)), options);
            }
        };
    }

    private static Instant read(Object stored) {
        if (stored == null) {
            return null;
        }
        return SqliteTimestamps.parse(stored).orElseGet(() -> {
            LOG.warn("Unreadable timestamp '{}' left as stored and read as empty", stored);
            return null;
        });
    }
}
