package com.syncdesk.persistence;

import java.sql.Types;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * SQLite as SyncDesk stores it: instants as sortable UTC text, and the loose column affinities
 * of SQLite accepted by schema validation (an {@code INTEGER PRIMARY KEY} holds a {@code Long},
 * a {@code JSON} column holds text).
 */
public class SyncDeskSQLiteDialect extends SQLiteDialect {

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        JdbcTypeRegistry registry = typeContributions.getTypeConfiguration().getJdbcTypeRegistry();
        registry.addDescriptor(SqlTypes.TIMESTAMP_UTC, SqliteTimestampJdbcType.INSTANCE);
        registry.addDescriptor(SqlTypes.TIMESTAMP, SqliteTimestampJdbcType.INSTANCE);
        registry.addDescriptor(SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqliteTimestampJdbcType.INSTANCE);
    }

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2)
                || family(typeCode1) != 0 && family(typeCode1) == family(typeCode2);
    }

    private static int family(int typeCode) {
        return switch (typeCode) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.BOOLEAN, Types.BIT -> 1;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB,
                 SqlTypes.LONG32VARCHAR, SqlTypes.LONG32NVARCHAR, SqlTypes.JSON -> 2;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC, Types.DATE -> 3;
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> 4;
            default -> 0;
        };
    }
}
