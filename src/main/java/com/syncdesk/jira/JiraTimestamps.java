package com.syncdesk.jira;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * JIRA's timestamp forms. Issue fields come as {@code 2026-11-30T10:15:30.000+0000} (an offset without
 * a colon), Agile sprint dates as {@code 2026-11-30T10:15:30.000Z} or {@code …+01:00}, and
 * {@code X-RateLimit-Reset} as {@code 2026-11-30T10:16Z}; all are read here.
 */
public final class JiraTimestamps {

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            // Exactly one of these matches: +01:00 or Z, +0100, +01.
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter ISSUE_FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
    private static final DateTimeFormatter AGILE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    private JiraTimestamps() {
    }

    /** @throws DateTimeParseException when the text is none of JIRA's forms or has no offset */
    public static Instant parse(String text) {
        return READ.parse(text.strip(), OffsetDateTime::from).toInstant();
    }

    /** The issue-field form, {@code 2026-11-30T11:15:30.000+0100}. */
    public static String formatIssueField(Instant instant, ZoneId zone) {
        return ISSUE_FIELD.format(instant.atZone(zone));
    }

    /** The Agile form, {@code 2026-11-30T10:15:30.000Z} in UTC or {@code …+01:00} elsewhere. */
    public static String formatAgile(Instant instant, ZoneId zone) {
        return AGILE.format(instant.atZone(zone));
    }
}
