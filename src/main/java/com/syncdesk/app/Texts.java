package com.syncdesk.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import com.syncdesk.persistence.StoredInstant;

/**
 * How SyncDesk words values for the operator, the same in the console and on the command line: one
 * timestamp style (the operator's locale and time zone, with the zone named), counts, sizes and durations.
 * Enumeration values say themselves in words ({@code WireEnum.words()}).
 */
public final class Texts {

    private static final char NARROW_NO_BREAK_SPACE = '\u202f';

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter timestamps;
    private final DateTimeFormatter withoutZone;

    public Texts(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        // The locale's medium pattern with plain spaces (its data puts a narrow no-break space before AM/PM),
        // so what is shown can be typed back.
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, FormatStyle.MEDIUM,
                IsoChronology.INSTANCE, locale).replace(NARROW_NO_BREAK_SPACE, ' ');
        this.timestamps = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).appendLiteral(' ')
                .appendZoneText(TextStyle.SHORT).toFormatter(locale).withZone(zone);
        this.withoutZone = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale).withZone(zone);
    }

    /** The operator's locale and time zone. */
    public static Texts system() {
        return new Texts(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** e.g. "Dec 4, 2026, 8:07:27 AM CET"; empty for no value. */
    public String timestamp(Instant instant) {
        return instant == null ? "" : timestamps.format(instant);
    }

    /** A stored timestamp: the readable ones as {@link #timestamp}, the others as stored and said to be unreadable. */
    public String timestamp(StoredInstant stored) {
        if (stored == null) {
            return "";
        }
        return stored.isReadable() ? timestamp(stored.instant()) : stored.raw() + " (as stored; unreadable)";
    }

    /** What {@link #timestamp} shows, read back; the zone may be left out (the operator's own is meant). */
    public Optional<Instant> parseTimestamp(String typed) {
        String text = typed.strip().replace(NARROW_NO_BREAK_SPACE, ' ');
        for (DateTimeFormatter format : new DateTimeFormatter[] {timestamps, withoutZone}) {
            try {
                return Optional.of(ZonedDateTime.parse(text, format).toInstant());
            } catch (DateTimeParseException tryNext) {
                // the next form, or none
            }
        }
        return Optional.empty();
    }

    /**
     * A text cut for display: at most {@code max} characters and one line, saying how long the whole is. The
     * whole value stays one click or one flag away; a 20 MB error message must not fill a screen.
     */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (text.length() <= max && firstLine.length() == text.length()) {
            return text;
        }
        return firstLine.substring(0, Math.min(max, firstLine.length())) + "… (" + count(text.length(), "character") + " in all)";
    }

    /** e.g. "1,204". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** e.g. "3 conflicts", "1 entity": English plurals of the few nouns SyncDesk counts. */
    public static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x") ? noun + "es" : noun + "s";
        return count(n) + " " + (n == 1 ? noun : plural);
    }

    /** Byte counts the way people read them: "812 B", "3.4 KB", "12.0 MB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** A short duration: "420 ms", "3.2 s"; empty for no value. */
    public static String millis(Integer ms) {
        if (ms == null) {
            return "";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
