package com.syncdesk.jira;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.planning.SprintState;

/** Reads JIRA's JSON into SyncDesk's records; an answer of the wrong shape raises {@link ShapeError}. */
final class JiraParsing {

    private static final Logger LOG = LoggerFactory.getLogger(JiraParsing.class);
    /** The keys of Data Center's legacy sprint text, {@code com.atlassian.greenhopper.service.sprint.Sprint@1a[id=42,state=ACTIVE,name=…]}. */
    private static final Pattern LEGACY_SPRINT_KEY = Pattern.compile("(?:\\[|,)(id|rapidViewId|state|name|startDate|endDate|completeDate"
            + "|activatedDate|sequence|goal|synced|autoStartStop|incompleteIssuesDestinationId)=");

    /** What is missing or malformed, for the failure's message. */
    static final class ShapeError extends RuntimeException {
        ShapeError(String what) {
            super(what);
        }
    }

    private JiraParsing() {
    }

    static JiraUser user(JsonNode json) {
        String zone = text(json, "timeZone");
        ZoneId timeZone;
        if (zone == null) {
            LOG.warn("JIRA did not say the user's time zone; JQL dates are read as UTC");
            timeZone = ZoneOffset.UTC;
        } else {
            try {
                timeZone = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new ShapeError("the time zone '" + zone + "' is unknown");
            }
        }
        if (text(json, "accountId") == null && text(json, "name") == null) {
            throw new ShapeError("the user has neither an accountId nor a name");
        }
        return new JiraUser(text(json, "accountId"), text(json, "name"), text(json, "key"), text(json, "displayName"),
                text(json, "emailAddress"), timeZone, json.path("active").asBoolean(true));
    }

    static JiraProject project(JsonNode json) {
        return new JiraProject(required(json, "id"), required(json, "key"), text(json, "name"), text(json, "projectTypeKey"));
    }

    static JiraField field(JsonNode json) {
        JsonNode schema = json.path("schema");
        return new JiraField(required(json, "id"), text(json, "name"), json.path("custom").asBoolean(false), text(schema, "type"),
                text(schema, "custom"));
    }

    static JiraBoard board(JsonNode json) {
        JsonNode location = json.path("location");
        String projectKey = text(location, "projectKey");
        return new JiraBoard(number(json, "id"), text(json, "name"), text(json, "type"), projectKey, text(location, "projectName"));
    }

    static JiraSprint sprint(JsonNode json) {
        long id = number(json, "id");
        JsonNode origin = json.path("originBoardId");
        return new JiraSprint(id, text(json, "name"), sprintState(text(json, "state"), "sprint " + id), timestamp(json, "startDate"),
                timestamp(json, "endDate"), timestamp(json, "completeDate"), text(json, "goal"), origin.isNumber() ? origin.asLong() : null);
    }

    static JiraTransition transition(JsonNode json) {
        return new JiraTransition(required(json, "id"), text(json, "name"), status(json.path("to")));
    }

    static JiraStatus status(JsonNode json) {
        if (!json.isObject()) {
            return null;
        }
        return new JiraStatus(text(json, "id"), text(json, "name"), JiraStatus.Category.ofKey(text(json.path("statusCategory"), "key")));
    }

    static JiraIssue issue(JsonNode json, JiraFieldMap fieldMap) {
        String key = required(json, "key");
        JsonNode fields = json.path("fields");
        JsonNode assignee = fields.path("assignee");
        BigDecimal points = null;
        if (fieldMap.storyPoints().isPresent()) {
            JsonNode value = fields.path(fieldMap.storyPoints().get().id());
            if (value.isNumber()) {
                points = normalized(value.decimalValue());
            } else if (!value.isMissingNode() && !value.isNull()) {
                throw new ShapeError("the story points of " + key + " are not a number: " + value);
            }
        }
        List<JiraSprintRef> sprints = new ArrayList<>();
        if (fieldMap.sprint().isPresent()) {
            for (JsonNode sprint : fields.path(fieldMap.sprint().get().id())) {
                sprints.add(sprint.isTextual() ? legacySprint(sprint.asText(), key) : sprintRef(sprint, key));
            }
        }
        return new JiraIssue(text(json, "id"), key, text(fields.path("project"), "key"), text(fields, "summary"), status(fields.path("status")),
                text(fields.path("issuetype"), "name"), assignee.isObject() ? userRef(assignee) : null, text(fields.path("priority"), "name"),
                points, sprints, timestamp(fields, "created"), timestamp(fields, "updated"));
    }

    private static JiraUserRef userRef(JsonNode json) {
        return new JiraUserRef(text(json, "accountId"), text(json, "name"), text(json, "key"), text(json, "displayName"));
    }

    private static JiraSprintRef sprintRef(JsonNode json, String issue) {
        long id = number(json, "id");
        JsonNode board = json.path("boardId");
        return new JiraSprintRef(id, text(json, "name"), sprintState(text(json, "state"), "sprint " + id + " of " + issue),
                board.isNumber() ? board.asLong() : null);
    }

    /** Data Center's sprint field before the JSON form: a Java toString with a name that may hold commas. */
    static JiraSprintRef legacySprint(String text, String issue) {
        Matcher keys = LEGACY_SPRINT_KEY.matcher(text);
        String id = null;
        String state = null;
        String name = null;
        String board = null;
        int end = text.lastIndexOf(']');
        List<int[]> starts = new ArrayList<>();
        while (keys.find()) {
            starts.add(new int[] {keys.start(1), keys.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            String field = text.substring(starts.get(i)[0], starts.get(i)[1] - 1);
            int valueEnd = i + 1 < starts.size() ? starts.get(i + 1)[0] - 1 : (end < 0 ? text.length() : end);
            String value = text.substring(starts.get(i)[1], Math.max(starts.get(i)[1], valueEnd));
            switch (field) {
                case "id" -> id = value;
                case "state" -> state = value;
                case "name" -> name = value;
                case "rapidViewId" -> board = value;
                default -> {
                    // Dates and sequence: the sprint itself is read from the Agile API.
                }
            }
        }
        if (id == null) {
            throw new ShapeError("a sprint of " + issue + " has no id: " + text);
        }
        try {
            return new JiraSprintRef(Long.parseLong(id), name, sprintState(state, "sprint " + id + " of " + issue),
                    board == null || board.equals("<null>") ? null : Long.valueOf(board));
        } catch (NumberFormatException e) {
            throw new ShapeError("a sprint of " + issue + " has no numeric id: " + text);
        }
    }

    private static SprintState sprintState(String state, String what) {
        if (state == null) {
            throw new ShapeError(what + " has no state");
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "future" -> SprintState.FUTURE;
            case "active" -> SprintState.ACTIVE;
            case "closed" -> SprintState.CLOSED;
            default -> throw new ShapeError(what + " is in the unknown state '" + state + "'");
        };
    }

    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw new ShapeError("'" + field + "' is missing");
        }
        return value;
    }

    private static long number(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.canConvertToLong()) {
            throw new ShapeError("'" + field + "' is missing or not a number");
        }
        return value.asLong();
    }

    private static Instant timestamp(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return JiraTimestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw new ShapeError("'" + field + "' is not a timestamp: " + value);
        }
    }
}
