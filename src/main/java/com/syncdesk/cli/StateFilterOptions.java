package com.syncdesk.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;

import picocli.CommandLine.Option;

/** The sync-state filter as command-line options; values are the wire names (failed, in_progress, issue, ...). */
final class StateFilterOptions {

    @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "pending, in_progress, completed, failed, skipped (comma-separated).")
    List<String> statuses = List.of();

    @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "sprint, issue, project, board (comma-separated).")
    List<String> types = List.of();

    @Option(names = "--direction", split = ",", paramLabel = "DIRECTION", description = "local_to_remote, remote_to_local, bidirectional.")
    List<String> directions = List.of();

    @Option(names = "--batch", paramLabel = "BATCH_ID", description = "Only this sync batch.")
    String batch;

    @Option(names = "--has-conflicts", description = "Only states with open conflicts.")
    boolean hasConflicts;

    @Option(names = "--min-errors", paramLabel = "N", description = "Only states with at least N errors.")
    Integer minErrors;

    @Option(names = "--attempted-within", paramLabel = "HOURS", description = "Only states last attempted within the last HOURS hours.")
    Integer attemptedWithinHours;

    @Option(names = "--text", paramLabel = "TEXT", description = "Entity id, JIRA id or last error contains TEXT (taken "
            + "literally), or TEXT is the issue's key (MOB-15) or part of the sprint's, board's or project's name or key.")
    String text;

    SyncStateFilter filter() {
        SyncStateFilter filter = new SyncStateFilter(parse(SyncStatus.class, statuses), parse(EntityType.class, types),
                parse(SyncDirection.class, directions), batch, hasConflicts ? Boolean.TRUE : null, minErrors, null, null, text);
        if (attemptedWithinHours != null) {
            filter = filter.withAttemptBetween(Instant.now().minus(Duration.ofHours(attemptedWithinHours)), null);
        }
        return filter;
    }

    static <E extends Enum<E>> Set<E> parse(Class<E> type, List<String> values) {
        Set<E> parsed = EnumSet.noneOf(type);
        for (String value : values) {
            try {
                parsed.add(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " '" + value + "'; use one of "
                        + String.join(", ", EnumSet.allOf(type).stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
            }
        }
        return parsed;
    }
}
