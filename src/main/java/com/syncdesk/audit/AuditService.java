package com.syncdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.KeysetPager;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/** Reads the audit trail: newest first, paged by keyset and filtered in the database (V9's index on {@code at}). */
public final class AuditService {

    private static final String COLUMNS = "a.id, a.at, a.operator, a.action, a.entity_type, a.entity_id, a.details";

    private final Database database;

    public AuditService(Database database) {
        this.database = database;
    }

    public Page<AuditRow> page(AuditFilter filter, PageRequest request) {
        Vendor vendor = database.vendor();
        KeysetPager pager = new KeysetPager("audit_log a", details(vendor), "a.at", false, "a.id");
        SqlBuilder where = filter.toSql(new SqlBuilder(vendor));
        return database.read(connection -> pager.fetch(connection, where, request, row -> read(row, vendor)));
    }

    /** The operators and the actions the log holds, for the filter's choices. */
    public Choices choices() {
        return database.read(connection -> new Choices(distinct(connection, "operator"), distinct(connection, "action")));
    }

    /** Who acted and what they did, each sorted, as the log records them. */
    public record Choices(List<String> operators, List<String> actions) {
    }

    private static List<String> distinct(Connection connection, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT " + column + " FROM audit_log ORDER BY 1");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The select list with the details as text (PostgreSQL keeps them as jsonb). */
    static String details(Vendor vendor) {
        return vendor == Vendor.SQLITE ? COLUMNS : COLUMNS.replace("a.details", "CAST(a.details AS text) AS details");
    }

    static AuditRow read(ResultSet row, Vendor vendor) throws SQLException {
        return new AuditRow(row.getLong(1), SqlValues.readInstant(row, 2, vendor), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7));
    }
}
