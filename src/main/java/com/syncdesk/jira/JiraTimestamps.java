package com.syncdesk.jira;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    private static final int NOT_AN_OFFSET = Integer.MIN_VALUE;

    private JiraTimestamps() {
    }

    /** @throws DateTimeParseException when the text is none of JIRA's forms or has no offset */
    public static Instant parse(String text) {
        String stripped = text.strip();
        Instant fixed = fixedWidth(stripped);
        return fixed != null ? fixed : READ.parse(stripped, OffsetDateTime::from).toInstant();
    }

    /**
     * The forms every issue and sprint carries ({@code 2026-11-30T10:15:30.000} then {@code Z}, {@code +0100} or
     * {@code +01:00}) read digit by digit: a full sync reads several per issue, and the formatter was a tenth of its
     * time. Anything else, or out of range, is left to the formatter (null).
     */
    private static Instant fixedWidth(String t) {
        int length = t.length();
        if (length != 24 && length != 28 && length != 29 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != '.') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int millis = digits(t, 20, 3);
        int offsetSeconds;
        char sign = t.charAt(23);
        if (length == 24) {
            offsetSeconds = sign == 'Z' ? 0 : NOT_AN_OFFSET;
        } else if (sign != '+' && sign != '-') {
            offsetSeconds = NOT_AN_OFFSET;
        } else {
            int offsetHours = digits(t, 24, 2);
            int offsetMinutes = length == 28 ? digits(t, 26, 2) : t.charAt(26) == ':' ? digits(t, 27, 2) : -1;
            offsetSeconds = offsetHours < 0 || offsetMinutes < 0 || offsetHours > 18 || offsetMinutes > 59 ? NOT_AN_OFFSET
                    : (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        }
        if ((year | month | day | hour | minute | second | millis) < 0 || offsetSeconds == NOT_AN_OFFSET) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
