package com.syncdesk.persistence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite has no timestamp type. SyncDesk writes one sortable UTC text form,
 * {@code YYYY-MM-DD HH:MM:SS.ffffff}, and reads the forms other clients write: that text with
 * fewer or no fraction digits, ISO-8601 with {@code T} and an offset or {@code Z}, and epoch
 * milliseconds stored as numbers.
 */
public final class SqliteTimestamps {

    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    private static final double FIRST_MILLIS = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final double LAST_MILLIS = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();

    private SqliteTimestamps() {
    }

    public static String format(Instant instant) {
        return formatEpochMicros(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
    }

    /** The canonical text of an instant given in microseconds since the epoch, without a formatter: bulk loads write millions. */
    public static String formatEpochMicros(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        char[] text = new char[26];
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return CANONICAL.format(Instant.ofEpochSecond(seconds, micros * 1_000L).atOffset(ZoneOffset.UTC));
        }
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, micros, 6);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Reads a stored value; empty when it is none of the supported forms. */
    public static Optional<Instant> parse(Object stored) {
        return switch (stored) {
            case null -> Optional.empty();
            case Number number -> fromEpochMillis(number.doubleValue());
            case String text -> parseText(text.trim());
            default -> parseText(stored.toString().trim());
        };
    }

    private static Optional<Instant> parseText(String text) {
        if (isCanonical(text)) {
            return parseCanonical(text);
        }
        if (EPOCH_MILLIS.matcher(text).matches()) {
            return fromEpochMillis(Double.parseDouble(text));
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            return Optional.of(LocalDateTime.of(date, time).toInstant(offset(m.group(8))));
        } catch (RuntimeException outOfRange) {
            return Optional.empty();
        }
    }

    /** SyncDesk's own form, {@code YYYY-MM-DD HH:MM:SS.ffffff}: most stored values, read without a regular expression. */
    private static boolean isCanonical(String text) {
        if (text.length() != 26) {
            return false;
        }
        for (int i = 0; i < 26; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == ' ';
                case 13, 16 -> c == ':';
                case 19 -> c == '.';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Instant> parseCanonical(String text) {
        try {
            return Optional.of(LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19), digits(text, 20, 26) * 1_000).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /**
     * Epoch milliseconds within the years 1 to 9999; anything else (infinity, NaN, 1e300) is unreadable, not
     * clamped into an invented date.
     */
    private static Optional<Instant> fromEpochMillis(double millis) {
        if (!Double.isFinite(millis) || millis < FIRST_MILLIS || millis > LAST_MILLIS) {
            return Optional.empty();
        }
        long whole = (long) Math.floor(millis);
        long nanos = Math.round((millis - whole) * 1_000_000);
        return Optional.of(Instant.ofEpochMilli(whole).plusNanos(nanos));
    }
}
