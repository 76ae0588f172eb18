package com.syncdesk.ui.conflicts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Texts;
import com.syncdesk.conflict.EntityFields.Kind;
import com.syncdesk.persistence.SqliteTimestamps;

/**
 * Conflict values as the operator reads and types them: dates in the operator's locale and time zone,
 * numbers with the locale's separators, text as it is. Typed text goes back to JSON the service accepts.
 */
public final class ValueText {

    private final Texts texts;

    public ValueText(Texts texts) {
        this.texts = texts;
    }

    /** The value as shown in a column; null for "no value". */
    public String format(JsonNode value, Kind kind) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (kind == Kind.TIMESTAMP) {
            return SqliteTimestamps.parse(value.isNumber() ? value.numberValue() : value.asText())
                    .map(this::format).orElse(value.asText());
        }
        if (kind == Kind.DECIMAL && value.isNumber()) {
            return number().format(value.decimalValue());
        }
        return value.isValueNode() ? value.asText() : value.toPrettyString();
    }

    public String format(Instant instant) {
        return instant == null ? null : texts.timestamp(instant);
    }

    /**
     * What the operator typed, as JSON. Text that does not read as the field's kind is passed on as
     * text, so the service's check names the problem in the same words as everywhere else.
     */
    public JsonNode parse(String typed, Kind kind) {
        String text = typed == null ? "" : typed;
        if (text.isBlank() && kind != Kind.REQUIRED_TEXT) {
            return NullNode.getInstance();
        }
        return switch (kind) {
            case DECIMAL -> parseNumber(text.strip());
            case TIMESTAMP -> parseDateTime(text.strip());
            case CHOICE -> TextNode.valueOf(text.strip());
            case TEXT, REQUIRED_TEXT -> TextNode.valueOf(text);
            case JIRA_SPRINT -> text.strip().matches("\\d{1,18}") ? LongNode.valueOf(Long.parseLong(text.strip())) : TextNode.valueOf(text.strip());
        };
    }

    private JsonNode parseNumber(String text) {
        NumberFormat format = number();
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        ParsePosition position = new ParsePosition(0);
        Number parsed = format.parse(text, position);
        if (parsed != null && position.getIndex() == text.length()) {
            return DecimalNode.valueOf(new BigDecimal(parsed.toString()));
        }
        return TextNode.valueOf(text);
    }

    /** What the dialog shows (in the operator's locale and zone), or ISO-8601 and the other forms timestamps are stored in. */
    private JsonNode parseDateTime(String text) {
        return texts.parseTimestamp(text).or(() -> SqliteTimestamps.parse(text))
                .<JsonNode>map(i -> TextNode.valueOf(i.toString())).orElse(TextNode.valueOf(text));
    }

    /** True when the value is a date and time the service can store. */
    public boolean isTimestamp(JsonNode value) {
        return value != null && !value.isNull() && SqliteTimestamps.parse(value.isNumber() ? value.numberValue() : value.asText()).isPresent();
    }

    /** A date and time as the operator would type it: {@code like}'s value when it is one, otherwise now. */
    public String example(JsonNode like) {
        Instant instant = isTimestamp(like) ? SqliteTimestamps.parse(like.isNumber() ? like.numberValue() : like.asText()).orElseThrow()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return format(instant);
    }

    private NumberFormat number() {
        NumberFormat format = NumberFormat.getNumberInstance(texts.locale());
        format.setMaximumFractionDigits(6);
        return format;
    }
}
