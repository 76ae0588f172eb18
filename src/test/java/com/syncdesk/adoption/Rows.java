package com.syncdesk.adoption;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Json;

/** A table's rows by id, each column's value as text (JSON as stored), to compare databases value by value. */
final class Rows {

    private Rows() {
    }

    static Map<Long, Map<String, String>> of(ConnectionTarget target, String table) {
        try (Database database = Database.open(target, Database.OpenMode.EXISTING_ONLY); Connection connection = database.connection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = rows.getMetaData();
            Map<Long, Map<String, String>> byId = new LinkedHashMap<>();
            while (rows.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rows.getString(i));
                }
                byId.put(rows.getLong("id"), row);
            }
            return byId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text read as a tree (jsonb normalises spacing and key order), or null for SQL NULL. */
    static JsonNode json(String text) {
        try {
            return text == null ? null : Json.read(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
