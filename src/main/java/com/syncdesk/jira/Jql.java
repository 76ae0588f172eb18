package com.syncdesk.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Builds the JQL a sync needs, quoted the way JIRA reads it. */
public final class Jql {

    /** Stable order for paging: the least recently updated first, ties broken by key. */
    public static final String ORDER_BY_UPDATED = "ORDER BY updated ASC, key ASC";

    private static final DateTimeFormatter DATE_LITERAL = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT);

    private Jql() {
    }

    public static String project(String key) {
        return "project = " + quote(key);
    }

    public static String projects(Collection<String> keys) {
        return keys.size() == 1 ? project(keys.iterator().next()) : "project in (" + list(keys.stream().map(Jql::quote).toList()) + ")";
    }

    public static String sprint(long id) {
        return "sprint = " + id;
    }

    public static String sprints(Collection<Long> ids) {
        return "sprint in (" + list(ids.stream().map(String::valueOf).toList()) + ")";
    }

    public static String noSprint() {
        return "sprint is EMPTY";
    }

    /** Issues by JIRA's ids, which stay when an issue moves to another project and its key changes; JIRA's key field takes ids too. */
    public static String ids(Collection<String> ids) {
        for (String id : ids) {
            if (!id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
                throw new IllegalArgumentException("Not a JIRA issue id: " + id);
            }
        }
        return "key in (" + list(List.copyOf(ids)) + ")";
    }

    public static String keys(Collection<String> keys) {
        return "key in (" + list(keys.stream().map(Jql::quote).toList()) + ")";
    }

    /**
     * Issues updated since {@code since}, less {@code overlap}. JIRA reads the date to the minute and in
     * the requesting user's time zone ({@code timeZone} of {@code /myself}), not UTC: the instant is
     * converted to that zone and rounded down to the minute, so nothing updated in the cut-off minute is missed.
     */
    public static String updatedSince(Instant since, ZoneId userZone, Duration overlap) {
        return "updated >= " + dateLiteral(since.minus(overlap), userZone);
    }

    /** {@code "2026/11/30 11:15"}: the instant in the user's zone, rounded down to the minute. */
    public static String dateLiteral(Instant instant, ZoneId userZone) {
        return "\"" + DATE_LITERAL.format(instant.atZone(userZone).truncatedTo(ChronoUnit.MINUTES)) + "\"";
    }

    /** The clauses joined with AND; empty ones are left out. */
    public static String and(String... clauses) {
        return Arrays.stream(clauses).filter(Objects::nonNull).filter(clause -> !clause.isBlank()).collect(Collectors.joining(" AND "));
    }

    /** A JQL string literal: quotes and backslashes escaped, so a key named like a keyword stays a value. */
    public static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A JQL list needs at least one value");
        }
        return String.join(", ", values);
    }
}
