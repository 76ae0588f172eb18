package com.syncdesk.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.KeysetPager;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.SyncStatus;

/** The history of sync runs, paged and aggregated in the database. */
public final class SyncHistoryService {

    private static final String COLUMNS = "h.id, h.created_at, h.operation_type, h.entity_type, h.batch_id, h.entities_processed, "
            + "h.entities_created, h.entities_updated, h.entities_deleted, h.entities_skipped, h.conflicts_detected, "
            + "h.conflicts_resolved, h.api_calls_made, h.duration_seconds, h.status, h.error_message, o.username";

    private final Database database;

    public SyncHistoryService(Database database) {
        this.database = database;
    }

    /** Newest runs first. */
    public Page<SyncHistoryRow> page(SyncHistoryFilter filter, PageRequest request) {
        Vendor vendor = database.vendor();
        KeysetPager pager = new KeysetPager("sync_history h LEFT JOIN operators o ON o.id = h.initiated_by", COLUMNS,
                "h.created_at", false, "h.id");
        SqlBuilder where = filter.toSql(new SqlBuilder(vendor));
        return database.read(connection -> pager.fetch(connection, where, request, row -> new SyncHistoryRow(
                row.getLong("id"), SqlValues.readInstant(row, "created_at", vendor),
                EnumValue.parse(OperationType.class, row.getString("operation_type")), row.getString("entity_type"),
                row.getString("batch_id"), row.getInt("entities_processed"), row.getInt("entities_created"),
                row.getInt("entities_updated"), row.getInt("entities_deleted"), row.getInt("entities_skipped"),
                row.getInt("conflicts_detected"), row.getInt("conflicts_resolved"), row.getInt("api_calls_made"),
                doubleOrNull(row, "duration_seconds"), EnumValue.parse(SyncStatus.class, row.getString("status")),
                row.getString("error_message"), row.getString("username"))));
    }

    /** Runs and failed runs per UTC day for the last {@code days} days, every day present (zero when none ran). */
    public List<DailyRuns> runsPerDay(int days) {
        Vendor vendor = database.vendor();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        String day = vendor == Vendor.SQLITE ? "substr(h.created_at, 1, 10)" : "to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
        SqlBuilder query = new SqlBuilder(vendor).sql("SELECT " + day + " AS day, count(*), "
                + "sum(CASE WHEN h.status = 'failed' THEN 1 ELSE 0 END) FROM sync_history h WHERE h.created_at >= ? GROUP BY 1",
                first.atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<LocalDate, DailyRuns> found = database.read(connection -> {
            Map<LocalDate, DailyRuns> perDay = new LinkedHashMap<>();
            try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDate date = LocalDate.parse(rows.getString(1));
                    perDay.put(date, new DailyRuns(date, rows.getLong(2), rows.getLong(3)));
                }
            }
            return perDay;
        });
        List<DailyRuns> series = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            series.add(found.getOrDefault(date, new DailyRuns(date, 0, 0)));
        }
        return series;
    }

    private static Double doubleOrNull(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
