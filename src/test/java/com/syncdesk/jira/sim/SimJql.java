package com.syncdesk.jira.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The JQL the simulator understands, enough for a sync engine:
 * <ul>
 * <li>{@code project = KEY}, {@code project in (A, B)}</li>
 * <li>{@code sprint = N}, {@code sprint in (N, M)}, {@code sprint is EMPTY}, {@code sprint is not EMPTY}</li>
 * <li>{@code key = PAY-1}, {@code key in (PAY-1, PAY-2)} ({@code issuekey} too), issue ids as well as keys, as JIRA takes them</li>
 * <li>{@code updated >= "yyyy/MM/dd HH:mm"} and {@code >}, {@code <}, {@code <=}; also {@code yyyy-MM-dd HH:mm} and the date
 * alone; read in the requesting user's time zone, to the minute, as JIRA does</li>
 * <li>clauses joined by {@code AND}</li>
 * <li>{@code ORDER BY} {@code updated}, {@code created} or {@code key}, each {@code ASC} or {@code DESC} (dates default to
 * {@code DESC}, keys to {@code ASC}); without it, key order</li>
 * </ul>
 * Values may be quoted. Anything else (OR, NOT, other fields or operators) is refused with JIRA's 400.
 */
final class SimJql {

    /** JQL JIRA would refuse; the message goes into {@code errorMessages}. */
    static final class JqlError extends RuntimeException {
        JqlError(String message) {
            super(message);
        }
    }

    /** A parsed query: the clauses as index choices and filters, and the order. */
    record Query(Set<String> projects, Set<Long> sprints, Boolean sprintEmpty, Set<String> keys, List<Predicate<SimIssue>> filters,
                 Comparator<SimIssue> order) {

        boolean bounded() {
            return projects != null || sprints != null || sprintEmpty != null || keys != null || !filters.isEmpty();
        }

        /** The matching issues in order. Uses the key, sprint or project index before filtering. Under the read lock. */
        List<SimIssue> run(SimData data) {
            Collection<SimIssue> candidates;
            if (keys != null) {
                candidates = keys.stream().map(data::issueByIdOrKey).filter(issue -> issue != null).distinct().toList();
            } else if (sprints != null) {
                Set<SimIssue> union = new LinkedHashSet<>();
                sprints.forEach(id -> union.addAll(data.issuesBySprint.getOrDefault(id, Set.of())));
                candidates = union;
            } else if (projects != null) {
                List<SimIssue> union = new ArrayList<>();
                projects.forEach(key -> union.addAll(data.issuesByProject.getOrDefault(key, List.of())));
                candidates = union;
            } else {
                candidates = data.issuesInKeyOrder;
            }
            List<SimIssue> result = new ArrayList<>();
            for (SimIssue issue : candidates) {
                if (matches(issue)) {
                    result.add(issue);
                }
            }
            result.sort(order);
            return result;
        }

        private boolean matches(SimIssue issue) {
            if (projects != null && !projects.contains(issue.project.key())) {
                return false;
            }
            if (sprints != null && (issue.sprint == null || !sprints.contains(issue.sprint.id))) {
                return false;
            }
            if (sprintEmpty != null && sprintEmpty != (issue.sprint == null)) {
                return false;
            }
            if (keys != null && !keys.contains(issue.key) && !keys.contains(String.valueOf(issue.id))) {
                return false;
            }
            for (Predicate<SimIssue> filter : filters) {
                if (!filter.test(issue)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Set<String> UNSUPPORTED_FIELDS = Set.of("status", "assignee", "created", "priority", "type", "issuetype",
            "summary", "text", "labels", "resolution", "reporter", "fixversion", "component", "statuscategory", "description", "resolved");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT));

    private final String jql;
    private final List<String> tokens;
    private final ZoneId zone;
    private final Set<String> knownProjects;
    private int position;

    private Set<String> projects;
    private Set<Long> sprints;
    private Boolean sprintEmpty;
    private Set<String> keys;
    private final List<Predicate<SimIssue>> filters = new ArrayList<>();

    private SimJql(String jql, ZoneId zone, Set<String> knownProjects) {
        this.jql = jql;
        this.tokens = tokenize(jql);
        this.zone = zone;
        this.knownProjects = knownProjects;
    }

    static Query parse(String jql, ZoneId userZone, Set<String> knownProjects) {
        return new SimJql(jql == null ? "" : jql, userZone, knownProjects).query();
    }

    private Query query() {
        Comparator<SimIssue> order = SimData.KEY_ORDER;
        if (!atEnd() && !peekIs("order")) {
            clause();
            while (!atEnd() && !peekIs("order")) {
                String joiner = next();
                if (joiner.equalsIgnoreCase("or")) {
                    throw new JqlError("The simulator's JQL joins clauses with AND only; 'OR' is not supported. The query was: " + jql);
                }
                if (!joiner.equalsIgnoreCase("and")) {
                    throw new JqlError("Error in the JQL Query: Expecting either 'OR' or 'AND' but got '" + joiner + "'. The query was: " + jql);
                }
                clause();
            }
        }
        if (!atEnd()) {
            next();
            expect("by");
            order = orderBy();
        }
        return new Query(projects, sprints, sprintEmpty, keys, List.copyOf(filters), order);
    }

    private void clause() {
        String field = next();
        if (field.equalsIgnoreCase("not")) {
            throw new JqlError("The simulator's JQL does not support NOT. The query was: " + jql);
        }
        String name = field.toLowerCase(Locale.ROOT);
        if (name.startsWith("issue.property[")) {
            propertyClause(field);
            return;
        }
        switch (name) {
            case "project" -> projects = intersect(projects, projectValues());
            case "sprint" -> sprintClause();
            case "key", "issuekey", "issue" -> keys = intersect(keys, textValues(field));
            case "updated", "updateddate" -> updatedClause();
            default -> throw new JqlError(UNSUPPORTED_FIELDS.contains(name)
                    ? "The simulator's JQL does not support the field '" + field + "' (it supports project, sprint, key and updated). The query was: " + jql
                    : "Field '" + field + "' does not exist or you do not have permission to view it.");
        }
    }

    /** {@code issue.property[key].path = "value"}: an entity property's top-level value, compared as text. */
    private void propertyClause(String field) {
        int close = field.indexOf(']');
        if (close < 0 || close + 2 > field.length() || field.charAt(close + 1) != '.') {
            throw new JqlError("The simulator's JQL takes entity properties as issue.property[key].path. The query was: " + jql);
        }
        String key = field.substring("issue.property[".length(), close);
        String path = field.substring(close + 2);
        String operator = next();
        if (!operator.equals("=")) {
            throw new JqlError("The simulator's JQL compares entity properties with = only. The query was: " + jql);
        }
        String value = next();
        filters.add(issue -> {
            var property = issue.properties.get(key);
            return property != null && property.path(path).isValueNode() && property.path(path).asText().equals(value);
        });
    }

    private Set<String> projectValues() {
        Set<String> values = textValues("project");
        for (String value : values) {
            if (!knownProjects.contains(value)) {
                throw new JqlError("The value '" + value + "' does not exist for the field 'project'.");
            }
        }
        return values;
    }

    private void sprintClause() {
        String operator = next();
        if (operator.equalsIgnoreCase("is")) {
            boolean not = peekIs("not");
            if (not) {
                next();
            }
            String empty = next();
            if (!empty.equalsIgnoreCase("empty") && !empty.equalsIgnoreCase("null")) {
                throw new JqlError("Error in the JQL Query: Expecting 'EMPTY' but got '" + empty + "'. The query was: " + jql);
            }
            sprintEmpty = !not;
            return;
        }
        position--;
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : textValues("sprint")) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new JqlError("The simulator's JQL takes sprints by id; '" + value + "' is not one. The query was: " + jql);
            }
        }
        sprints = intersect(sprints, ids);
    }

    private void updatedClause() {
        String operator = next();
        Instant bound = dateValue(next());
        switch (operator) {
            case ">=" -> filters.add(issue -> !issue.updated.isBefore(bound));
            case ">" -> filters.add(issue -> issue.updated.isAfter(bound));
            case "<=" -> filters.add(issue -> !issue.updated.isAfter(bound));
            case "<" -> filters.add(issue -> issue.updated.isBefore(bound));
            default -> throw new JqlError("The simulator's JQL compares 'updated' with >=, >, <= or <, not '" + operator + "'. The query was: " + jql);
        }
    }

    /** JIRA reads a date in the requesting user's zone, to the minute. */
    private Instant dateValue(String text) {
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // Try the next form.
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                // Try the next form.
            }
        }
        throw new JqlError("Date value '" + text + "' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', "
                + "'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }

    /** {@code = value} or {@code in (a, b)}. */
    private Set<String> textValues(String field) {
        String operator = next();
        Set<String> values = new LinkedHashSet<>();
        if (operator.equals("=")) {
            values.add(next());
        } else if (operator.equalsIgnoreCase("in")) {
            expect("(");
            values.add(next());
            while (peekIs(",")) {
                next();
                values.add(next());
            }
            expect(")");
        } else {
            throw new JqlError("The simulator's JQL takes '" + field + "' with = or in, not '" + operator + "'. The query was: " + jql);
        }
        return values;
    }

    private Comparator<SimIssue> orderBy() {
        Comparator<SimIssue> order = null;
        do {
            if (order != null) {
                next();
            }
            String field = next().toLowerCase(Locale.ROOT);
            Comparator<SimIssue> item = switch (field) {
                case "updated", "updateddate" -> Comparator.comparing(issue -> issue.updated);
                case "created", "createddate" -> Comparator.comparing(issue -> issue.created);
                case "key", "issuekey" -> SimData.KEY_ORDER;
                default -> throw new JqlError("The simulator's JQL orders by updated, created or key, not '" + field + "'. The query was: " + jql);
            };
            boolean descending = !field.startsWith("key") && !field.startsWith("issuekey");
            if (peekIs("asc") || peekIs("desc")) {
                descending = next().equalsIgnoreCase("desc");
            }
            item = descending ? item.reversed() : item;
            order = order == null ? item : order.thenComparing(item);
        } while (peekIs(","));
        if (!atEnd()) {
            throw new JqlError("Error in the JQL Query: Expecting ',' but got '" + next() + "'. The query was: " + jql);
        }
        return order.thenComparing(SimData.KEY_ORDER);
    }

    private static <T> Set<T> intersect(Set<T> current, Set<T> more) {
        if (current == null) {
            return more;
        }
        Set<T> both = new LinkedHashSet<>(current);
        both.retainAll(more);
        return both;
    }

    private boolean atEnd() {
        return position >= tokens.size();
    }

    private boolean peekIs(String token) {
        return !atEnd() && tokens.get(position).equalsIgnoreCase(token);
    }

    private String next() {
        if (atEnd()) {
            throw new JqlError("Error in the JQL Query: The query ends too early. The query was: " + jql);
        }
        return tokens.get(position++);
    }

    private void expect(String token) {
        String found = next();
        if (!found.equalsIgnoreCase(token)) {
            throw new JqlError("Error in the JQL Query: Expecting '" + token + "' but got '" + found + "'. The query was: " + jql);
        }
    }

    /** Words, quoted strings (quotes removed, escapes resolved), operators and punctuation. */
    private List<String> tokenize(String text) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                        j++;
                    }
                    value.append(text.charAt(j++));
                }
                if (j >= text.length()) {
                    throw new JqlError("Error in the JQL Query: The quoted string '" + text.substring(i) + "' has not been completed.");
                }
                result.add(value.toString());
                i = j + 1;
            } else if ("(),".indexOf(c) >= 0) {
                result.add(String.valueOf(c));
                i++;
            } else if ("<>!=~".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < text.length() && text.charAt(j) == '=') {
                    j++;
                }
                result.add(text.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "(),<>!=~\"'".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                result.add(text.substring(i, j));
                i = j;
            }
        }
        return result;
    }
}
