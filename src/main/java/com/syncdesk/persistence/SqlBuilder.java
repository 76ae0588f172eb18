package com.syncdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** SQL text with its parameters, bound in order; instants are bound in each vendor's stored form. */
public final class SqlBuilder {

    private final Vendor vendor;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlBuilder(Vendor vendor) {
        this.vendor = vendor;
    }

    public Vendor vendor() {
        return vendor;
    }

    public SqlBuilder sql(String text) {
        sql.append(text);
        return this;
    }

    /** Appends text holding one {@code ?} per value. */
    public SqlBuilder sql(String text, Object... values) {
        sql.append(text);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** Appends {@code (?, ?, ...)} for the values: an IN list. */
    public SqlBuilder inList(Collection<?> values) {
        sql.append('(');
        int i = 0;
        for (Object value : values) {
            sql.append(i++ == 0 ? "?" : ", ?");
            params.add(value);
        }
        sql.append(')');
        return this;
    }

    /**
     * Appends "column is one of ids" as ONE bound parameter, however many ids: a JSON array read by
     * {@code json_each} on SQLite, a {@code bigint[]} on PostgreSQL. Keeps bulk actions one statement.
     */
    public SqlBuilder idIn(String column, Collection<Long> ids) {
        if (vendor == Vendor.SQLITE) {
            return sql(column + " IN (SELECT value FROM json_each(?))", Json.write(ids));
        }
        StringBuilder array = new StringBuilder("{");
        for (Long id : ids) {
            array.append(array.length() > 1 ? "," : "").append(id);
        }
        return sql(column + " = ANY (CAST(? AS bigint[]))", array.append('}').toString());
    }

    public SqlBuilder append(SqlBuilder other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    public boolean isEmpty() {
        return sql.isEmpty();
    }

    public String text() {
        return sql.toString();
    }

    public List<Object> params() {
        return List.copyOf(params);
    }

    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        bind(statement, 1);
        return statement;
    }

    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object param : params) {
            switch (param) {
                case Instant instant -> SqlValues.bindInstant(statement, index, instant, vendor);
                case WireEnum wire -> statement.setString(index, wire.wire());
                case Boolean flag -> statement.setBoolean(index, flag);
                case null -> statement.setObject(index, null);
                default -> statement.setObject(index, param);
            }
            index++;
        }
        return index;
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
