package com.syncdesk.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.audit.AuditFilter;
import com.syncdesk.audit.AuditRow;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit log; --operator (every command's "who is acting") names whose entries to list here. */
@Command(name = "audit", description = "The audit log: who did what, when, to how many sync states, newest first.")
final class AuditCommand extends WorkspaceCommand {

    private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*([hd])");

    @Option(names = "--since", paramLabel = "WHEN", description = "Only entries since WHEN: a date (2026-11-30, local midnight), "
            + "an instant (2026-11-30T08:00:00Z) or a time ago (12h, 7d).")
    String since;

    @Option(names = "--action", split = ",", paramLabel = "ACTION", description = "Only these actions, e.g. retry,skip,reset_errors,"
            + "resolve_conflict,resolve_all (comma-separated).")
    List<String> actions = List.of();

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "At most N entries (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(Workspace workspace) {
        AuditFilter filter = new AuditFilter(since == null ? null : parseSince(since, Instant.now(), ZoneId.systemDefault()), operator,
                Set.copyOf(actions.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList()));
        Page<AuditRow> page = workspace.audit().page(filter, PageRequest.first(limit));
        out().printf("%s%n", Texts.count(page.total(), "audit entry"));
        Texts texts = Texts.system();
        TextTable table = new TextTable("WHEN", "OPERATOR", "ACTION", "CHANGED>", "OF>", "WHAT");
        for (AuditRow row : page.items()) {
            table.row(texts.timestamp(row.at()), row.operator(), row.actionWords(), row.count(), row.matching(), row.target());
        }
        table.print(out());
        long more = page.total() - page.items().size();
        if (more > 0) {
            out().printf("… and %s more beyond --limit %d; raise it or narrow the log with --since, --operator or --action.%n",
                    Texts.count(more), limit);
        }
        return ExitCodes.OK;
    }

    /** A date (local midnight), an ISO instant, or an amount of hours or days before {@code now}. */
    static Instant parseSince(String text, Instant now, ZoneId zone) {
        String value = text.strip();
        Matcher relative = RELATIVE.matcher(value.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            return now.minus(relative.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount));
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes a date (2026-11-30), an instant (2026-11-30T08:00:00Z) or a time ago "
                    + "(12h, 7d), not '" + text + "'.");
        }
    }
}
