package com.syncdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pages a filtered, sorted query in the database: keyset conditions after or before a cursor (the
 * sort value plus the id as tie-breaker), or an offset for jumps, and a separate count.
 * NULLs keep each vendor's natural place (smallest on SQLite, largest on PostgreSQL), so the
 * ordering matches what a plain index on the sort column yields.
 *
 * @param from        {@code FROM} clause with the table aliased, e.g. {@code sync_metadata s}
 * @param columns     the select list the mapper reads
 * @param sortColumn  qualified sort column, e.g. {@code s.last_sync_attempt}; whitelisted by the caller
 * @param idColumn    qualified unique id column
 */
public record KeysetPager(String from, String columns, String sortColumn, boolean ascending, String idColumn) {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> Page<T> fetch(Connection connection, SqlBuilder where, PageRequest request, RowMapper<T> mapper) throws SQLException {
        Vendor vendor = where.vendor();
        boolean backwards = request.before() != null;
        boolean scanAscending = ascending != backwards;
        Cursor cursor = backwards ? request.before() : request.after();

        SqlBuilder query = new SqlBuilder(vendor).sql("SELECT " + columns + ", " + sortColumn + " AS sort_key, " + idColumn
                + " AS row_id FROM " + from + " WHERE 1 = 1");
        if (!where.isEmpty()) {
            query.sql(" AND (").append(where).sql(")");
        }
        if (cursor != null) {
            query.sql(" AND ").append(keysetCondition(vendor, cursor, scanAscending));
        }
        String direction = scanAscending ? " ASC" : " DESC";
        query.sql(" ORDER BY " + sortColumn + direction + ", " + idColumn + direction);
        query.sql(" LIMIT " + (request.size() + 1));
        if (cursor == null && request.offset() > 0) {
            query.sql(" OFFSET " + request.offset());
        }

        List<T> items = new ArrayList<>();
        List<Cursor> cursors = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (items.size() == request.size()) {
                    more = true;
                    break;
                }
                items.add(mapper.map(rows));
                cursors.add(new Cursor(rows.getObject("sort_key"), rows.getLong("row_id")));
            }
        }
        if (backwards) {
            Collections.reverse(items);
            Collections.reverse(cursors);
        }
        long total = count(connection, where);
        boolean hasNext = backwards || more;
        boolean hasPrevious = backwards ? more : cursor != null || request.offset() > 0;
        return new Page<>(List.copyOf(items), total,
                cursors.isEmpty() ? null : cursors.getFirst(), cursors.isEmpty() ? null : cursors.getLast(), hasNext, hasPrevious);
    }

    public long count(Connection connection, SqlBuilder where) throws SQLException {
        SqlBuilder count = new SqlBuilder(where.vendor()).sql("SELECT count(*) FROM " + from);
        if (!where.isEmpty()) {
            count.sql(" WHERE ").append(where);
        }
        try (PreparedStatement statement = count.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private SqlBuilder keysetCondition(Vendor vendor, Cursor cursor, boolean scanAscending) {
        boolean nullsSmallest = vendor == Vendor.SQLITE;
        boolean nullsComeFirst = scanAscending == nullsSmallest;
        String op = scanAscending ? ">" : "<";
        SqlBuilder condition = new SqlBuilder(vendor);
        if (cursor.sortValue() == null) {
            condition.sql(nullsComeFirst
                    ? "((" + sortColumn + " IS NULL AND " + idColumn + " " + op + " ?) OR " + sortColumn + " IS NOT NULL)"
                    : "(" + sortColumn + " IS NULL AND " + idColumn + " " + op + " ?)", cursor.id());
        } else {
            // "col >= v AND (col > v OR id > i)" keeps an index range on col usable by both planners.
            condition.sql("((" + sortColumn + " " + op + "= ? AND (" + sortColumn + " " + op + " ? OR " + idColumn + " " + op + " ?))",
                    cursor.sortValue(), cursor.sortValue(), cursor.id());
            // On SQLite a plain "OR col IS NULL" makes the planner fetch both index ranges and sort every row
            // after the cursor (13 s for the next page of a million rows); the unary + keeps that term off the
            // index, so it walks the sort index in order and stops after one page.
            condition.sql(nullsComeFirst ? ")" : " OR " + (vendor == Vendor.SQLITE ? "+" : "") + sortColumn + " IS NULL)");
        }
        return condition;
    }
}
