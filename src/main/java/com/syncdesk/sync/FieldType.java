package com.syncdesk.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.persistence.SqliteTimestamps;

/**
 * The kinds of value a synced field holds, each with one canonical JSON form: equal values compare equal
 * however they were written (8 and 8.00 story points, a timestamp with micro- or milliseconds, an empty
 * goal and none), and the snapshot's hash does not change when nothing did.
 */
enum FieldType {
    /** Text where empty means none (goal, assignee). */
    OPTIONAL_TEXT,
    /** Text that is compared as it is (summary, name). */
    TEXT,
    /** A decimal without trailing zeros (story points). */
    DECIMAL,
    /** An instant to the millisecond, as JIRA's Agile API keeps it. */
    INSTANT,
    /** A JIRA id (the sprint an issue is in). */
    ID;

    JsonNode canonical(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NullNode.getInstance();
        }
        return switch (this) {
            case OPTIONAL_TEXT -> text(value.asText().isEmpty() ? null : value.asText());
            case TEXT -> TextNode.valueOf(value.asText());
            case DECIMAL -> decimal(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip()));
            case INSTANT -> instant(value.isNumber() ? Instant.ofEpochMilli(value.asLong())
                    : SqliteTimestamps.parse(value.asText()).orElseThrow(() -> new IllegalArgumentException("not a timestamp: " + value)));
            case ID -> LongNode.valueOf(value.asLong());
        };
    }

    static JsonNode text(String value) {
        return value == null ? NullNode.getInstance() : TextNode.valueOf(value);
    }

    static JsonNode decimal(BigDecimal value) {
        return value == null ? NullNode.getInstance() : DecimalNode.valueOf(new BigDecimal(value.stripTrailingZeros().toPlainString()));
    }

    static JsonNode instant(Instant value) {
        return value == null ? NullNode.getInstance() : TextNode.valueOf(value.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    static JsonNode id(Long value) {
        return value == null ? NullNode.getInstance() : LongNode.valueOf(value);
    }

    static Optional<Instant> instantOf(JsonNode value) {
        return value == null || value.isNull() ? Optional.empty() : SqliteTimestamps.parse(value.asText());
    }

    static BigDecimal decimalOf(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    static String textOf(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    static Long idOf(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
}
