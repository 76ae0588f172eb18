package com.syncdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/** Appends to {@code audit_log} inside the caller's transaction, so an action and its record commit together. */
public final class AuditLog {

    private AuditLog() {
    }

    public static void append(Connection connection, Vendor vendor, String operator, String action,
                              String entityType, String entityId, Map<String, ?> details) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (at, operator, action, entity_type, entity_id, details, created_at) "
                + "VALUES (?, ?, ?, ?, ?, " + SqlValues.jsonParameter(vendor) + ", ?)")) {
            Instant now = Instant.now();
            SqlValues.bindInstant(insert, 1, now, vendor);
            insert.setString(2, operator);
            insert.setString(3, action);
            insert.setString(4, entityType);
            insert.setString(5, entityId);
            insert.setString(6, details == null ? null : Json.write(details));
            SqlValues.bindInstant(insert, 7, now, vendor);
            insert.executeUpdate();
        }
    }
}
