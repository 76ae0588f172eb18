package com.syncdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
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
        String direction = scanAscending ? " ASC" : " DESC";
        String order = " ORDER BY " + sortColumn + direction + ", " + idColumn + direction;
        int wanted = request.size() + 1;

        List<T> items = new ArrayList<>();
        List<Cursor> cursors = new ArrayList<>();
        if (cursor == null) {
            read(connection, select(where, null).sql(order + " LIMIT " + wanted + (request.offset() > 0 ? " OFFSET " + request.offset() : "")),
                    wanted, mapper, items, cursors);
        } else {
            // The scan runs through two parts, the rows with a value and the NULLs, in the vendor's order.
            // Each part is read with its own index-friendly condition: an OR across both parts makes
            // SQLite sort everything after the cursor instead of walking the index.
            boolean nullsFirst = scanAscending == (vendor == Vendor.SQLITE);
            String op = scanAscending ? ">" : "<";
            SqlBuilder rest;
            SqlBuilder nextPart = null;
            if (cursor.sortValue() == null) {
                rest = select(where, new SqlBuilder(vendor).sql(sortColumn + " IS NULL AND " + idColumn + " " + op + " ?", cursor.id()));
                if (nullsFirst) {
                    nextPart = select(where, new SqlBuilder(vendor).sql(sortColumn + " IS NOT NULL")).sql(order);
                }
            } else {
                // "col >= v AND (col > v OR id > i)" keeps an index range on col usable by both planners.
                rest = select(where, new SqlBuilder(vendor).sql(sortColumn + " " + op + "= ? AND (" + sortColumn + " " + op + " ? OR "
                        + idColumn + " " + op + " ?)", cursor.sortValue(), cursor.sortValue(), cursor.id()));
                if (!nullsFirst) {
                    nextPart = select(where, new SqlBuilder(vendor).sql(sortColumn + " IS NULL")).sql(" ORDER BY " + idColumn + direction);
                }
            }
            read(connection, rest.sql(order + " LIMIT " + wanted), wanted, mapper, items, cursors);
            if (nextPart != null && items.size() < wanted) {
                read(connection, nextPart.sql(" LIMIT " + (wanted - items.size())), wanted, mapper, items, cursors);
            }
        }
        boolean more = items.size() > request.size();
        if (more) {
            items.removeLast();
            cursors.removeLast();
        }
        if (backwards) {
            Collections.reverse(items);
            Collections.reverse(cursors);
        }
        long total = request.countTotal() ? count(connection, where) : -1;
        boolean hasNext = backwards || more;
        boolean hasPrevious = backwards ? more : cursor != null || request.offset() > 0;
        return new Page<>(List.copyOf(items), total,
                cursors.isEmpty() ? null : cursors.getFirst(), cursors.isEmpty() ? null : cursors.getLast(), hasNext, hasPrevious);
    }

    private SqlBuilder select(SqlBuilder where, SqlBuilder position) {
        SqlBuilder query = new SqlBuilder(where.vendor()).sql("SELECT " + columns + ", " + sortColumn + " AS sort_key, " + idColumn
                + " AS row_id FROM " + from + " WHERE 1 = 1");
        if (!where.isEmpty()) {
            query.sql(" AND (").append(where).sql(")");
        }
        if (position != null) {
            query.sql(" AND ").append(position);
        }
        return query;
    }

    private static <T> void read(Connection connection, SqlBuilder query, int wanted, RowMapper<T> mapper, List<T> items,
                                 List<Cursor> cursors) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            int sortKey = rows.findColumn("sort_key");
            int rowId = rows.findColumn("row_id");
            // pgjdbc reads a timestamptz as java.sql.Timestamp through a Calendar; OffsetDateTime is far cheaper and binds back alike.
            int sortType = rows.getMetaData().getColumnType(sortKey);
            boolean timestamp = query.vendor() == Vendor.POSTGRESQL && (sortType == Types.TIMESTAMP || sortType == Types.TIMESTAMP_WITH_TIMEZONE);
            while (items.size() < wanted && rows.next()) {
                items.add(mapper.map(rows));
                cursors.add(new Cursor(timestamp ? rows.getObject(sortKey, OffsetDateTime.class) : rows.getObject(sortKey), rows.getLong(rowId)));
            }
        }
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
}
