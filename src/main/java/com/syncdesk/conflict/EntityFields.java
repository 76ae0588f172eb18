package com.syncdesk.conflict;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;

/**
 * Which column of the local entity table a conflicting field names, and what values fit it: the same
 * rules as the schema's types and checks, applied before writing so the operator learns which field is
 * wrong instead of a constraint name.
 */
public final class EntityFields {

    /**
     * The longest text SyncDesk writes into a column without a declared length (a sprint goal): a pasted
     * megabyte is a mistake, not a goal, and is refused before anything is written.
     */
    public static final int MAX_UNBOUNDED_TEXT = 65_535;
    /** The longest text a decimal field is parsed from; longer ones are refused unparsed. */
    private static final int MAX_DECIMAL_TEXT = 40;

    /** The kinds of value a resolvable column holds. */
    public enum Kind { TEXT, REQUIRED_TEXT, DECIMAL, TIMESTAMP, CHOICE, JIRA_SPRINT }

    /** One column that conflicts may name. */
    public record Field(String column, Kind kind, int maxLength, List<String> choices) {

        /** Turns a JSON value into what the column stores, or explains why it does not fit. */
        public Object toColumnValue(String fieldName, JsonNode value) {
            if (value == null || value.isNull()) {
                if (kind == Kind.REQUIRED_TEXT || kind == Kind.CHOICE) {
                    throw new InvalidValueException(fieldName, label(fieldName) + " cannot be empty.");
                }
                return null;
            }
            return switch (kind) {
                case TEXT, REQUIRED_TEXT -> text(fieldName, value);
                case DECIMAL -> decimal(fieldName, value);
                case TIMESTAMP -> timestamp(fieldName, value);
                case JIRA_SPRINT -> {
                    if (!value.canConvertToLong()) {
                        throw new InvalidValueException(fieldName, fieldName + " is a JIRA sprint id, not \"" + value.asText() + "\".");
                    }
                    yield value.asLong();
                }
                case CHOICE -> {
                    String choice = value.asText();
                    if (!choices.contains(choice)) {
                        throw new InvalidValueException(fieldName, label(fieldName) + " must be one of " + String.join(", ", choices) + ".");
                    }
                    yield choice;
                }
            };
        }

        private String text(String fieldName, JsonNode value) {
            String text = value.isTextual() ? value.asText() : value.toString();
            if (kind == Kind.REQUIRED_TEXT && text.isBlank()) {
                throw new InvalidValueException(fieldName, label(fieldName) + " cannot be blank.");
            }
            int limit = maxLength > 0 ? maxLength : MAX_UNBOUNDED_TEXT;
            if (text.length() > limit) {
                throw new InvalidValueException(fieldName, label(fieldName) + " is " + text.length() + " characters long; at most "
                        + limit + " fit.");
            }
            return text;
        }

        private static BigDecimal decimal(String fieldName, JsonNode value) {
            // Checked as text first: parsing a number of millions of digits costs seconds, and none of them fits.
            String text = value.asText().strip();
            if (text.length() > MAX_DECIMAL_TEXT) {
                throw new InvalidValueException(fieldName, fieldName + " is a value of " + String.format(Locale.ROOT, "%,d", text.length())
                        + " characters; it must be below 10000 with at most 2 decimals.");
            }
            BigDecimal number;
            try {
                number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                throw new InvalidValueException(fieldName, label(fieldName) + " must be a number, not \"" + value.asText() + "\".");
            }
            if (number.signum() < 0) {
                throw new InvalidValueException(fieldName, label(fieldName) + " cannot be negative.");
            }
            if (number.precision() - number.scale() > 4 || number.scale() > 2) {
                throw new InvalidValueException(fieldName, label(fieldName) + " must be below 10000 with at most 2 decimals.");
            }
            return number;
        }

        private static Instant timestamp(String fieldName, JsonNode value) {
            Optional<Instant> instant = SqliteTimestamps.parse(value.isNumber() ? value.numberValue() : value.asText());
            return instant.orElseThrow(() -> new InvalidValueException(fieldName,
                    label(fieldName) + " must be a date and time such as 2026-03-01T09:00:00Z, not \"" + value.asText() + "\"."));
        }

        /**
         * The SQL a value is written with: a sprint membership is written as the local row of the JIRA sprint it names
         * (the sync engine creates that row before it offers the sprint), every other value as it is.
         */
        public String placeholder() {
            return kind == Kind.JIRA_SPRINT ? "(SELECT id FROM sprints WHERE jira_sprint_id = ?)" : "?";
        }

        void bind(PreparedStatement statement, int index, Object value, Vendor vendor) throws SQLException {
            switch (value) {
                case null -> statement.setNull(index, kind == Kind.DECIMAL ? Types.DECIMAL : kind == Kind.JIRA_SPRINT ? Types.BIGINT : Types.VARCHAR);
                case Long id -> statement.setLong(index, id);
                case Instant instant -> SqlValues.bindInstant(statement, index, instant, vendor);
                case BigDecimal number -> statement.setBigDecimal(index, number);
                default -> statement.setString(index, value.toString());
            }
        }
    }

    /** A local entity table and the fields conflicts may name on it. */
    public record Table(String name, Map<String, Field> fields) {

        /** Finds a field by its column name or the camelCase name JIRA-side code uses. */
        public Optional<Field> field(String fieldName) {
            if (fieldName == null) {
                return Optional.empty();
            }
            String column = fieldName.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            return Optional.ofNullable(fields.get(column));
        }
    }

    /** A field's name as the operator reads it: "story_points" and "storyPoints" are "Story points". */
    public static String label(String fieldName) {
        String words = fieldName.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? fieldName : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static final List<String> SPRINT_STATES = List.of("future", "active", "closed");

    private static final Map<EntityType, Table> TABLES = Map.of(
            EntityType.ISSUE, new Table("issues", Map.of(
                    "summary", new Field("summary", Kind.REQUIRED_TEXT, 500, List.of()),
                    "status", new Field("status", Kind.TEXT, 50, List.of()),
                    "issue_type", new Field("issue_type", Kind.TEXT, 50, List.of()),
                    "priority", new Field("priority", Kind.TEXT, 20, List.of()),
                    "assignee", new Field("assignee", Kind.TEXT, 100, List.of()),
                    "story_points", new Field("story_points", Kind.DECIMAL, 0, List.of()),
                    "sprint", new Field("sprint_id", Kind.JIRA_SPRINT, 0, List.of()))),
            EntityType.SPRINT, new Table("sprints", Map.of(
                    "name", new Field("name", Kind.REQUIRED_TEXT, 200, List.of()),
                    "state", new Field("state", Kind.CHOICE, 0, SPRINT_STATES),
                    "start_date", new Field("start_date", Kind.TIMESTAMP, 0, List.of()),
                    "end_date", new Field("end_date", Kind.TIMESTAMP, 0, List.of()),
                    "complete_date", new Field("complete_date", Kind.TIMESTAMP, 0, List.of()),
                    "goal", new Field("goal", Kind.TEXT, 0, List.of()))),
            EntityType.BOARD, new Table("boards", Map.of(
                    "name", new Field("name", Kind.REQUIRED_TEXT, 200, List.of()),
                    "board_type", new Field("board_type", Kind.CHOICE, 0, List.of("scrum", "kanban", "simple")),
                    "project_key", new Field("project_key", Kind.TEXT, 50, List.of()))),
            EntityType.PROJECT, new Table("projects", Map.of(
                    "name", new Field("name", Kind.REQUIRED_TEXT, 200, List.of()),
                    "project_type", new Field("project_type", Kind.TEXT, 50, List.of()))));

    /** Which columns a table-wide check constraint involves, to name the field when the database refuses a combination. */
    private static final Map<String, List<String>> CHECK_FIELDS = Map.of(
            "valid_sprint_dates", List.of("start_date", "end_date"),
            "valid_complete_date", List.of("complete_date", "start_date"),
            "sprint_name_not_blank", List.of("name"),
            "valid_sprint_state", List.of("state"),
            "non_negative_story_points", List.of("story_points"),
            "valid_board_type", List.of("board_type"));

    private EntityFields() {
    }

    public static Table table(EntityType type) {
        return TABLES.get(type);
    }

    /**
     * The column a violated check constraint concerns, if the message names one SyncDesk knows. Of the
     * columns a rule involves, the first one that was being written is named: that is the value the
     * operator chose, e.g. the end date for "a sprint cannot end before it starts" when only the end changed.
     */
    static Optional<String> columnOfViolatedCheck(String databaseMessage, Collection<String> writtenColumns) {
        if (databaseMessage == null) {
            return Optional.empty();
        }
        return CHECK_FIELDS.entrySet().stream().filter(e -> databaseMessage.contains(e.getKey())).findFirst()
                .map(e -> e.getValue().stream().filter(writtenColumns::contains).findFirst().orElse(e.getValue().getFirst()));
    }
}
