package com.syncdesk.syncstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/** Reads {@code sync_metadata} rows into {@link SyncStateRow}s, for every page, export and detail that shows states. */
public final class SyncStateRows {

    private SyncStateRows() {
    }

    private static final String STORED = "s.id, s.entity_type, s.entity_id, s.jira_id, s.sync_status, s.last_sync_attempt, "
            + "s.last_successful_sync, s.error_count, s.last_error, s.sync_direction, s.sync_batch_id, s.content_hash, "
            + "s.local_modified, s.remote_modified, s.resolution_strategy, s.sync_duration_ms, s.api_calls_count, s.conflicts, "
            + "s.row_version, s.created_at, s.updated_at, ";
    private static final String RETRIES = ", s.next_attempt_at, s.parked_at";

    /**
     * The select list {@link #read} reads, by position, from {@code sync_metadata s}, with each row's number of open
     * conflicts and its entity's label.
     */
    public static String columns(Vendor vendor) {
        return STORED + "(SELECT count(*) FROM conflict_resolutions c WHERE c.sync_metadata_id = s.id AND c.is_resolved = "
                + (vendor == Vendor.SQLITE ? "0" : "false") + ") AS open_conflicts, " + EntityLabels.expression(vendor, "s") + " AS entity_label"
                + RETRIES;
    }

    /** The same select list with only what the row itself stores: no open conflicts (0) and no label. */
    public static String storedColumns() {
        return STORED + "0 AS open_conflicts, NULL AS entity_label" + RETRIES;
    }

    /** The state with this id, read on the caller's connection (inside its transaction), or empty when there is none. */
    public static Optional<SyncStateRow> byId(Connection connection, Vendor vendor, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns(vendor) + " FROM sync_metadata s WHERE s.id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row, vendor)) : Optional.empty();
            }
        }
    }

    public static SyncStateRow read(ResultSet row, Vendor vendor) throws SQLException {
        // By position, in the order of columns(): a page maps 100 rows of 25 columns, and looking columns up by name was its main cost.
        String resolution = row.getString(15);
        return new SyncStateRow(
                row.getLong(1),
                EnumValue.parse(EntityType.class, row.getString(2)),
                row.getString(3),
                row.getString(4),
                EnumValue.parse(SyncStatus.class, row.getString(5)),
                SqlValues.readInstant(row, 6, vendor),
                SqlValues.readInstant(row, 7, vendor),
                row.getLong(8),
                row.getString(9),
                EnumValue.parse(SyncDirection.class, row.getString(10)),
                row.getString(11),
                row.getString(12),
                SqlValues.readInstant(row, 13, vendor),
                SqlValues.readInstant(row, 14, vendor),
                resolution == null ? null : EnumValue.parse(ResolutionStrategy.class, resolution),
                SqlValues.readLong(row, 16),
                row.getLong(17),
                row.getString(18),
                row.getInt(22),
                row.getInt(19),
                SqlValues.readInstant(row, 20, vendor),
                SqlValues.readInstant(row, 21, vendor),
                row.getString(23),
                SqlValues.readInstant(row, 24, vendor),
                SqlValues.readInstant(row, 25, vendor));
    }
}
