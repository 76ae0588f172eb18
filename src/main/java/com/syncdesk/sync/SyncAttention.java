package com.syncdesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.EntityLabels;
import com.syncdesk.syncstate.FailureKind;

/**
 * What the sync leaves for a human, counted by SQL aggregates (never by loading states): the states parked after too
 * many failures in a row, and the other failed ones grouped by the kind of failure; each group drills down to its
 * states with their full messages, a bounded number at a time.
 */
public final class SyncAttention {

    /** A group of states that need a human. */
    public sealed interface Group permits Parked, Failed {
    }

    /** States parked after too many failures in a row: no run touches them until someone retries them. */
    public record Parked() implements Group {
    }

    /**
     * Failed states not parked, of one kind; {@code kind} null for failures without a stored kind (another client's,
     * or older than the sync engine).
     */
    public record Failed(FailureKind kind) implements Group {
    }

    /** A group and how many states it holds. */
    public record Count(Group group, long states) {

        /** "parked", "rate limit", "authentication", …, in the statistics' words. */
        public String label() {
            return switch (group) {
                case Parked p -> "parked for a human";
                case Failed(FailureKind kind) -> kind == null ? "other failures" : kind.label();
            };
        }
    }

    /**
     * The groups with at least one state (parked first, then by count), and figures to estimate a full run's cost.
     *
     * @param lastFullRunApiCalls the JIRA requests of the last completed full run, if any
     * @param issueStates         issue states here, for an estimate without such a run
     */
    public record Overview(List<Count> groups, long retrying, OptionalLong lastFullRunApiCalls, long issueStates) {

        public Overview {
            groups = List.copyOf(groups);
        }

        public long total() {
            return groups.stream().mapToLong(Count::states).sum();
        }
    }

    /** One state of a group, as the drill-down shows it. */
    public record State(long id, String entityType, String entityId, String label, int errorCount, EnumValue<FailureKind> kind, String lastError,
                        StoredInstant lastAttempt, StoredInstant nextAttempt, StoredInstant parkedAt) {
    }

    private final Database database;

    public SyncAttention(Database database) {
        this.database = database;
    }

    public Overview overview() {
        return database.read(connection -> {
            List<Count> groups = new ArrayList<>();
            long parked = single(connection, "SELECT count(*) FROM sync_metadata WHERE sync_status = 'failed' AND parked_at IS NOT NULL");
            if (parked > 0) {
                groups.add(new Count(new Parked(), parked));
            }
            List<Count> failed = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT failure_kind, count(*) FROM sync_metadata "
                    + "WHERE sync_status = 'failed' AND parked_at IS NULL GROUP BY failure_kind"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String wire = rows.getString(1);
                    FailureKind kind = wire == null ? null : EnumValue.parse(FailureKind.class, wire).known();
                    failed.add(new Count(new Failed(kind), rows.getLong(2)));
                }
            }
            failed.sort((a, b) -> Long.compare(b.states(), a.states()));
            groups.addAll(failed);
            long retrying = single(connection, "SELECT count(*) FROM sync_metadata WHERE sync_status = 'failed' AND parked_at IS NULL "
                    + "AND next_attempt_at IS NOT NULL");
            OptionalLong lastFull;
            try (PreparedStatement query = connection.prepareStatement("SELECT api_calls_made FROM sync_history WHERE operation_type = 'full_sync' "
                    + "AND status = 'completed' ORDER BY id DESC LIMIT 1"); ResultSet row = query.executeQuery()) {
                lastFull = row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
            long issues = single(connection, "SELECT count(*) FROM sync_metadata WHERE entity_type = 'issue'");
            return new Overview(groups, retrying, lastFull, issues);
        });
    }

    /** Up to {@code limit} states of the group, the most recently attempted first. */
    public List<State> states(Group group, int limit) {
        SqlBuilder sql = new SqlBuilder(database.vendor()).sql("SELECT s.id, s.entity_type, s.entity_id, "
                + EntityLabels.expression(database.vendor(), "s") + ", s.error_count, s.failure_kind, s.last_error, s.last_sync_attempt, "
                + "s.next_attempt_at, s.parked_at FROM sync_metadata s WHERE s.sync_status = 'failed' AND ");
        switch (group) {
            case Parked p -> sql.sql("s.parked_at IS NOT NULL");
            case Failed(FailureKind kind) when kind == null -> sql.sql("s.parked_at IS NULL AND s.failure_kind IS NULL");
            case Failed(FailureKind kind) -> sql.sql("s.parked_at IS NULL AND s.failure_kind = ?", kind.wire());
        }
        sql.sql(" ORDER BY s.last_sync_attempt DESC, s.id DESC LIMIT ?", limit);
        return database.read(connection -> {
            List<State> states = new ArrayList<>();
            try (PreparedStatement query = sql.prepare(connection); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(new State(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getInt(5),
                            EnumValue.parse(FailureKind.class, rows.getString(6)), rows.getString(7),
                            SqlValues.readInstant(rows, 8, database.vendor()), SqlValues.readInstant(rows, 9, database.vendor()),
                            SqlValues.readInstant(rows, 10, database.vendor())));
                }
            }
            return states;
        });
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
