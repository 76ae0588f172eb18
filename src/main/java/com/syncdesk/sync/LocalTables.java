package com.syncdesk.sync;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.conflict.EntityFields;
import com.syncdesk.conflict.InvalidValueException;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/**
 * The local entity tables as the sync engine reads and writes them: which row holds which synced field, how a
 * JIRA entity becomes a row, and which values the schema would refuse (checked before writing, so one bad
 * value fails its entity instead of the page's transaction).
 */
final class LocalTables {

    /** The schema's rules per synced field, looked up once. */
    private static final Map<EntityKind, Map<String, EntityFields.Field>> CHECKED = new java.util.EnumMap<>(EntityKind.class);

    static {
        for (EntityKind kind : EntityKind.values()) {
            Map<String, EntityFields.Field> columns = new HashMap<>();
            EntityFields.Table table = EntityFields.table(kind.type());
            kind.fieldNames().forEach(field -> table.field(field).ifPresent(column -> columns.put(field, column)));
            CHECKED.put(kind, columns);
        }
    }

    private final Vendor vendor;
    /** JIRA sprint id → local sprint row, for issues' sprint membership; sprints are few, and only those a run meets are kept. */
    private final Map<Long, Long> sprintRows = new HashMap<>();

    LocalTables(Vendor vendor) {
        this.vendor = vendor;
    }

    private static String table(EntityKind kind) {
        return switch (kind) {
            case PROJECT -> "projects";
            case BOARD -> "boards";
            case SPRINT -> "sprints";
            case ISSUE -> "issues";
        };
    }

    private static String select(EntityKind kind) {
        return switch (kind) {
            case PROJECT -> "SELECT r.id, r.jira_project_id, r.project_key, r.name, r.updated_at FROM projects r";
            case BOARD -> "SELECT r.id, CAST(r.jira_board_id AS VARCHAR(100)), NULL, r.name, r.board_type, r.updated_at FROM boards r";
            case SPRINT -> "SELECT r.id, CAST(r.jira_sprint_id AS VARCHAR(100)), NULL, r.name, r.goal, r.state, r.start_date, r.end_date, "
                    + "r.complete_date, r.updated_at FROM sprints r";
            case ISSUE -> "SELECT r.id, r.jira_issue_id, r.issue_key, r.summary, r.status, r.issue_type, r.priority, r.assignee, "
                    + "r.story_points, sp.jira_sprint_id, r.updated_at FROM issues r LEFT JOIN sprints sp ON sp.id = r.sprint_id";
        };
    }

    private LocalRow read(EntityKind kind, ResultSet row) throws SQLException {
        Fields.Builder fields = Fields.of(kind);
        int column = 4;
        for (String field : kind.fieldNames()) {
            fields.set(field, switch (kind.fieldType(field)) {
                case TEXT, OPTIONAL_TEXT -> FieldType.text(row.getString(column));
                case DECIMAL -> FieldType.decimal(row.getBigDecimal(column));
                case INSTANT -> FieldType.instant(SqlValues.readInstant(row, column, vendor) == null ? null
                        : SqlValues.readInstant(row, column, vendor).instant());
                case ID -> FieldType.id(SqlValues.readLong(row, column));
            });
            column++;
        }
        var updated = SqlValues.readInstant(row, column, vendor);
        return new LocalRow(row.getLong(1), row.getString(2), row.getString(3), fields.build(), updated == null ? null : updated.instant());
    }

    /**
     * Rows by local id, by JIRA's id and by key (issues and projects); a row matching several appears once. One query
     * per criterion, so each reads its own index (SQLite scans the table for an OR of them).
     */
    Map<Long, LocalRow> find(Connection connection, EntityKind kind, Collection<Long> ids, Collection<String> jiraIds, Collection<String> keys,
                             boolean lock) throws SQLException {
        List<SqlBuilder> queries = new ArrayList<>();
        if (!ids.isEmpty()) {
            queries.add(new SqlBuilder(vendor).sql(select(kind) + " WHERE ").idIn("r.id", ids));
        }
        if (!jiraIds.isEmpty()) {
            String column = switch (kind) {
                case PROJECT -> "r.jira_project_id";
                case BOARD -> "r.jira_board_id";
                case SPRINT -> "r.jira_sprint_id";
                case ISSUE -> "r.jira_issue_id";
            };
            queries.add(kind == EntityKind.BOARD || kind == EntityKind.SPRINT
                    ? new SqlBuilder(vendor).sql(select(kind) + " WHERE ").idIn(column, jiraIds.stream().map(Long::parseLong).toList())
                    : new SqlBuilder(vendor).sql(select(kind) + " WHERE " + column + " IN ").inList(jiraIds));
        }
        if (!keys.isEmpty() && (kind == EntityKind.ISSUE || kind == EntityKind.PROJECT)) {
            queries.add(new SqlBuilder(vendor).sql(select(kind) + " WHERE " + (kind == EntityKind.ISSUE ? "r.issue_key" : "r.project_key") + " IN ")
                    .inList(keys));
        }
        Map<Long, LocalRow> rows = new LinkedHashMap<>();
        for (SqlBuilder query : queries) {
            if (lock && vendor == Vendor.POSTGRESQL) {
                query.sql(" FOR UPDATE OF r");
            }
            try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    LocalRow local = read(kind, row);
                    rows.putIfAbsent(local.id(), local);
                }
            }
        }
        return rows;
    }

    /** Checks JIRA's values against the schema's types and checks; the message names the field that does not fit. */
    void check(EntityKind kind, Fields fields) {
        Map<String, EntityFields.Field> columns = CHECKED.get(kind);
        for (String field : kind.fieldNames()) {
            EntityFields.Field column = columns.get(field);
            if (column != null) {
                column.toColumnValue(field, fields.get(field));
            }
        }
        if (kind == EntityKind.SPRINT) {
            Instant start = FieldType.instantOf(fields.get("start_date")).orElse(null);
            Instant end = FieldType.instantOf(fields.get("end_date")).orElse(null);
            Instant complete = FieldType.instantOf(fields.get("complete_date")).orElse(null);
            if (start != null && end != null && end.isBefore(start)) {
                throw new InvalidValueException("end_date", "the sprint ends before it starts, which SyncDesk's database does not allow");
            }
            if (start != null && complete != null && complete.isBefore(start)) {
                throw new InvalidValueException("complete_date", "the sprint was completed before it started, which SyncDesk's database does not allow");
            }
        }
    }

    /** Inserts rows for entities new to this database, in one batch; their ids are found by JIRA's id afterwards. */
    void insert(Connection connection, EntityKind kind, List<RemoteEntity> entities, Instant now) throws SQLException {
        if (entities.isEmpty()) {
            return;
        }
        if (kind == EntityKind.ISSUE) {
            resolveSprints(connection, entities.stream().map(e -> FieldType.idOf(e.fields().get("sprint"))).filter(id -> id != null).toList());
        }
        String sql = switch (kind) {
            case PROJECT -> "INSERT INTO projects (jira_project_id, project_key, name, project_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
            case BOARD -> "INSERT INTO boards (jira_board_id, project_key, name, board_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
            case SPRINT -> "INSERT INTO sprints (jira_sprint_id, board_id, origin_board_id, name, goal, state, start_date, end_date, complete_date, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            case ISSUE -> "INSERT INTO issues (jira_issue_id, issue_key, summary, status, issue_type, priority, assignee, story_points, sprint_id, "
                    + "updated_at_remote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        };
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (RemoteEntity entity : entities) {
                int index = 1;
                switch (kind) {
                    case PROJECT -> {
                        insert.setString(index++, entity.jiraId());
                        insert.setString(index++, entity.key());
                    }
                    case BOARD -> {
                        insert.setLong(index++, Long.parseLong(entity.jiraId()));
                        insert.setString(index++, entity.parent());
                    }
                    case SPRINT -> {
                        insert.setLong(index++, Long.parseLong(entity.jiraId()));
                        Long board = entity.parent() == null ? null : Long.parseLong(entity.parent());
                        setLong(insert, index++, board);
                        setLong(insert, index++, board);
                    }
                    case ISSUE -> {
                        insert.setString(index++, entity.jiraId());
                        insert.setString(index++, entity.key());
                    }
                }
                index = bindFields(insert, index, kind, entity.fields());
                if (kind == EntityKind.PROJECT) {
                    insert.setString(index++, entity.type());
                }
                if (kind == EntityKind.ISSUE) {
                    SqlValues.bindInstant(insert, index++, entity.updated(), vendor);
                }
                SqlValues.bindInstant(insert, index++, now, vendor);
                SqlValues.bindInstant(insert, index, now, vendor);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (kind == EntityKind.SPRINT) {
            for (LocalRow row : find(connection, kind, List.of(), entities.stream().map(RemoteEntity::jiraId).toList(), List.of(), false).values()) {
                sprintRows.put(Long.parseLong(row.jiraId()), row.id());
            }
        }
    }

    /** Writes the fields given (and for an entity seen in JIRA, its JIRA id, key and update time) into an existing row. */
    void update(Connection connection, EntityKind kind, long id, Map<String, JsonNode> values, RemoteEntity remote, Instant now) throws SQLException {
        if (kind == EntityKind.ISSUE && values.containsKey("sprint") && FieldType.idOf(values.get("sprint")) != null) {
            resolveSprints(connection, List.of(FieldType.idOf(values.get("sprint"))));
        }
        StringBuilder sql = new StringBuilder("UPDATE " + table(kind) + " SET ");
        List<String> fields = kind.fieldNames().stream().filter(values::containsKey).toList();
        for (String field : fields) {
            sql.append(column(kind, field)).append(" = ?, ");
        }
        boolean identity = remote != null && (kind == EntityKind.ISSUE || kind == EntityKind.PROJECT);
        if (identity) {
            sql.append(kind == EntityKind.ISSUE ? "jira_issue_id = ?, updated_at_remote = ?, " : "jira_project_id = ?, ");
        }
        sql.append("updated_at = ? WHERE id = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (String field : fields) {
                bind(update, index++, kind, field, values.get(field));
            }
            if (identity) {
                update.setString(index++, remote.jiraId());
                if (kind == EntityKind.ISSUE) {
                    SqlValues.bindInstant(update, index++, remote.updated(), vendor);
                }
            }
            SqlValues.bindInstant(update, index++, now, vendor);
            update.setLong(index, id);
            update.executeUpdate();
        }
    }

    /** Records JIRA's id and key on an issue SyncDesk created there; the key stays when another local issue has JIRA's. */
    void linkCreatedIssue(Connection connection, long id, String jiraId, String key, Instant now) throws SQLException {
        boolean keyTaken;
        try (PreparedStatement taken = connection.prepareStatement("SELECT count(*) FROM issues WHERE issue_key = ? AND id <> ?")) {
            taken.setString(1, key);
            taken.setLong(2, id);
            try (ResultSet row = taken.executeQuery()) {
                row.next();
                keyTaken = row.getLong(1) > 0;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE issues SET jira_issue_id = ?, "
                + (keyTaken ? "" : "issue_key = ?, ") + "updated_at = ? WHERE id = ?")) {
            int index = 1;
            update.setString(index++, jiraId);
            if (!keyTaken) {
                update.setString(index++, key);
            }
            SqlValues.bindInstant(update, index++, now, vendor);
            update.setLong(index, id);
            update.executeUpdate();
        }
    }

    void delete(Connection connection, EntityKind kind, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table(kind) + " WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    /** The local rows of JIRA sprints, for the sprint membership of the issues about to be written. */
    private void resolveSprints(Connection connection, Collection<Long> jiraSprintIds) throws SQLException {
        List<Long> missing = jiraSprintIds.stream().distinct().filter(id -> !sprintRows.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        for (LocalRow row : find(connection, EntityKind.SPRINT, List.of(), missing.stream().map(String::valueOf).toList(), List.of(), false).values()) {
            sprintRows.put(Long.parseLong(row.jiraId()), row.id());
        }
    }

    /** JIRA sprint ids of {@code ids} that have no local row yet. */
    List<Long> sprintsMissing(Connection connection, Collection<Long> ids) throws SQLException {
        resolveSprints(connection, ids);
        return ids.stream().distinct().filter(id -> !sprintRows.containsKey(id)).toList();
    }

    private int bindFields(PreparedStatement statement, int first, EntityKind kind, Fields fields) throws SQLException {
        int index = first;
        for (String field : kind.fieldNames()) {
            bind(statement, index++, kind, field, fields.get(field));
        }
        return index;
    }

    private void bind(PreparedStatement statement, int index, EntityKind kind, String field, JsonNode value) throws SQLException {
        switch (kind.fieldType(field)) {
            case TEXT, OPTIONAL_TEXT -> statement.setString(index, FieldType.textOf(value));
            case DECIMAL -> {
                BigDecimal number = FieldType.decimalOf(value);
                if (number == null) {
                    statement.setNull(index, Types.DECIMAL);
                } else {
                    statement.setBigDecimal(index, number);
                }
            }
            case INSTANT -> SqlValues.bindInstant(statement, index, FieldType.instantOf(value).orElse(null), vendor);
            case ID -> setLong(statement, index, FieldType.idOf(value) == null ? null : sprintRows.get(FieldType.idOf(value)));
        }
    }

    private static String column(EntityKind kind, String field) {
        return kind == EntityKind.ISSUE && field.equals("sprint") ? "sprint_id" : field;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** The ids of the rows JIRA's ids name, for entities just inserted. */
    Map<String, Long> idsOf(Connection connection, EntityKind kind, Collection<String> jiraIds) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (LocalRow row : find(connection, kind, List.of(), jiraIds, List.of(), false).values()) {
            ids.put(row.jiraId(), row.id());
        }
        return ids;
    }

    /** Project keys of local issue keys: PAY-12 → PAY. */
    static String projectOf(String issueKey) {
        int dash = issueKey == null ? -1 : issueKey.lastIndexOf('-');
        return dash <= 0 ? null : issueKey.substring(0, dash);
    }

    static List<String> keysOf(Collection<RemoteEntity> entities) {
        List<String> keys = new ArrayList<>();
        entities.forEach(entity -> {
            if (entity.key() != null) {
                keys.add(entity.key());
            }
        });
        return keys;
    }
}
