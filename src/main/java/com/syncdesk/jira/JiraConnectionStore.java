package com.syncdesk.jira;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.syncdesk.audit.AuditLog;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.syncstate.ResolutionStrategy;

/**
 * The JIRA connection settings kept in the database ({@code jira_connection}, one row, and the boards
 * and projects in {@code jira_sync_scope}), so the console, the command line and a worker share them.
 * The secret is never among them. Every change is one transaction with its audit entry.
 */
public final class JiraConnectionStore {

    /** The connection as stored, with who saved it last and when. */
    public record Stored(JiraSite site, Instant updatedAt, String updatedBy) {
    }

    private final Database database;

    public JiraConnectionStore(Database database) {
        this.database = database;
    }

    public Optional<Stored> load() {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT base_url, deployment, auth_scheme, user_name, conflict_strategy, "
                         + "sync_interval_seconds, park_after_failures, include_backlog, coalesce(updated_at, created_at) AS saved_at, updated_by "
                         + "FROM jira_connection WHERE id = 1")) {
                if (!row.next()) {
                    return Optional.<Stored>empty();
                }
                JiraSite site = read(row);
                List<Long> boards = new ArrayList<>();
                List<String> projects = new ArrayList<>();
                readScope(connection, boards, projects);
                return Optional.of(new Stored(site.withBoards(boards).withProjects(projects),
                        SqlValues.readInstantValue(row, "saved_at", database.vendor()), row.getString(10)));
            }
        });
    }

    /** Replaces the stored connection (or stores the first one) and its scope, recording who did it. */
    public void save(JiraSite site, String operator) {
        database.inTransaction(connection -> {
            boolean existed = exists(connection);
            String sql = existed
                    ? "UPDATE jira_connection SET base_url = ?, deployment = ?, auth_scheme = ?, user_name = ?, conflict_strategy = ?, "
                    + "sync_interval_seconds = ?, park_after_failures = ?, include_backlog = ?, updated_at = ?, updated_by = ? WHERE id = 1"
                    : "INSERT INTO jira_connection (base_url, deployment, auth_scheme, user_name, conflict_strategy, sync_interval_seconds, "
                    + "park_after_failures, include_backlog, updated_at, updated_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, site.baseUrl().toString());
                write.setString(2, site.deployment().wire());
                write.setString(3, site.authScheme().name().toLowerCase(Locale.ROOT));
                write.setString(4, site.user());
                write.setString(5, site.conflictStrategy().wire());
                write.setLong(6, site.syncInterval().toSeconds());
                write.setInt(7, site.parkAfterFailures());
                write.setBoolean(8, site.includeBacklog());
                SqlValues.bindInstant(write, 9, Instant.now(), database.vendor());
                write.setString(10, operator);
                write.executeUpdate();
            }
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM jira_sync_scope");
            }
            try (PreparedStatement scope = connection.prepareStatement("INSERT INTO jira_sync_scope (kind, ref) VALUES (?, ?)")) {
                for (long board : site.boardIds()) {
                    scope.setString(1, "board");
                    scope.setString(2, Long.toString(board));
                    scope.addBatch();
                }
                for (String project : site.projectKeys()) {
                    scope.setString(1, "project");
                    scope.setString(2, project);
                    scope.addBatch();
                }
                scope.executeBatch();
            }
            AuditLog.append(connection, database.vendor(), operator, existed ? "jira_connection_changed" : "jira_connected", null, null,
                    auditDetails(site));
            return null;
        });
    }

    /** Forgets the connection and its scope; true when there was one. */
    public boolean delete(String operator) {
        return database.inTransaction(connection -> {
            Optional<JiraSite> site = Optional.empty();
            if (exists(connection)) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT base_url, deployment, auth_scheme, user_name, conflict_strategy, "
                             + "sync_interval_seconds, park_after_failures, include_backlog FROM jira_connection WHERE id = 1")) {
                    row.next();
                    site = Optional.of(read(row));
                }
            }
            if (site.isEmpty()) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM jira_sync_scope");
                statement.executeUpdate("DELETE FROM jira_connection");
            }
            AuditLog.append(connection, database.vendor(), operator, "jira_disconnected", null, null, auditDetails(site.get()));
            return true;
        });
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM jira_connection")) {
            row.next();
            return row.getLong(1) > 0;
        }
    }

    /** A row another client wrote with the checks off is refused in words, not a stack trace. */
    private JiraSite read(ResultSet row) throws SQLException {
        try {
            JiraDeployment deployment = EnumValue.parse(JiraDeployment.class, row.getString(2)).value()
                    .orElseThrow(() -> new IllegalArgumentException("unknown deployment " + quoted(row, 2)));
            JiraAuthScheme scheme = JiraAuthScheme.valueOf(row.getString(3).toUpperCase(Locale.ROOT));
            ResolutionStrategy strategy = EnumValue.parse(ResolutionStrategy.class, row.getString(5)).value()
                    .orElseThrow(() -> new IllegalArgumentException("unknown conflict strategy " + quoted(row, 5)));
            return new JiraSite(JiraSite.parseBaseUrl(row.getString(1)), deployment, scheme, row.getString(4), List.of(), List.of(),
                    strategy, Duration.ofSeconds(row.getLong(6)), row.getInt(7), row.getBoolean(8));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DatabaseException(Reason.FAILED, "The JIRA connection stored in " + database.target().describe()
                    + " cannot be used (" + e.getMessage() + "). Connect again to replace it.");
        }
    }

    private static String quoted(ResultSet row, int column) {
        try {
            return "'" + row.getString(column) + "'";
        } catch (SQLException e) {
            return "(unreadable)";
        }
    }

    private void readScope(Connection connection, List<Long> boards, List<String> projects) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT kind, ref FROM jira_sync_scope ORDER BY kind, ref")) {
            while (rows.next()) {
                if ("board".equals(rows.getString(1))) {
                    try {
                        boards.add(Long.parseLong(rows.getString(2)));
                    } catch (NumberFormatException e) {
                        throw new DatabaseException(Reason.FAILED, "The JIRA connection stored in " + database.target().describe()
                                + " names a board that is not a number ('" + rows.getString(2) + "'). Connect again to replace it.");
                    }
                } else {
                    projects.add(rows.getString(2));
                }
            }
        }
        boards.sort(null);
    }

    private static Map<String, Object> auditDetails(JiraSite site) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("base_url", site.baseUrl().toString());
        details.put("deployment", site.deployment().wire());
        details.put("user", site.user());
        details.put("boards", site.boardIds());
        details.put("projects", site.projectKeys());
        details.put("conflict_strategy", site.conflictStrategy().wire());
        return details;
    }
}
