package com.syncdesk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.StoredInstant;

/**
 * One audit entry as the log lists it: who, when, what, on which entity, and the details as stored.
 *
 * @param details the details JSON as stored; text another client wrote that is not JSON is kept as it is
 */
public record AuditRow(long id, StoredInstant at, String operator, String action, String entityType, String entityId, String details) {

    /** SyncDesk's own actions in words; another client's action is shown with its underscores as spaces. */
    private static final Map<String, String> ACTIONS = Map.of("retry", "Retry", "skip", "Skip", "reset_errors", "Reset errors",
            "resolve_conflict", "Resolve conflict", "resolve_all", "Resolve all matching");

    /** The ids of shown selections beyond which "and N more" is said. */
    private static final int SHOWN_IDS = 5;

    public String actionWords() {
        return words(action);
    }

    /** An action as stored ("reset_errors") in words ("Reset errors"), for lists of the actions the log holds. */
    public static String words(String action) {
        String known = ACTIONS.get(action);
        if (known != null) {
            return known;
        }
        String words = action.replace('_', ' ');
        return words.isEmpty() ? action : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The operator's notes on the action, when they gave any. */
    public String notes() {
        JsonNode json = json();
        return json != null && json.path("notes").isTextual() ? json.get("notes").asText() : null;
    }

    /** How many sync states the action changed ("affected", or "states" for a bulk resolution); null when not recorded. */
    public Long count() {
        JsonNode json = json();
        for (String field : List.of("affected", "states")) {
            if (json != null && json.path(field).isIntegralNumber()) {
                return json.get(field).asLong();
            }
        }
        return null;
    }

    /** Of how many it was asked to change, when recorded. */
    public Long matching() {
        JsonNode json = json();
        return json != null && json.path("matching").isIntegralNumber() ? json.get("matching").asLong() : null;
    }

    /**
     * What the action applied to in words: "sync states 12, 13, 14", "filter status = failed, text = 429", "issue 2151";
     * details that are not JSON are shown as stored.
     */
    public String target() {
        JsonNode json = json();
        if (json == null) {
            return details == null ? entityWords() : details;
        }
        if (json.path("ids").isArray()) {
            List<String> ids = new ArrayList<>();
            json.get("ids").forEach(id -> ids.add(id.asText()));
            String shown = String.join(", ", ids.subList(0, Math.min(SHOWN_IDS, ids.size())));
            return (ids.size() == 1 ? "sync state " : "sync states ") + shown
                    + (ids.size() > SHOWN_IDS ? " and " + String.format(Locale.ROOT, "%,d", ids.size() - SHOWN_IDS) + " more" : "");
        }
        if (json.path("filter").isObject()) {
            List<String> parts = new ArrayList<>();
            json.get("filter").properties().forEach(e -> {
                String value = e.getValue().isArray() ? join(e.getValue()) : e.getValue().asText();
                if (!value.isBlank()) {
                    parts.add(e.getKey().replace('_', ' ') + " = " + value);
                }
            });
            // Sorted: PostgreSQL's jsonb keeps keys in its own order.
            return parts.isEmpty() ? "every sync state (no filter)" : "filter " + String.join(", ", parts.stream().sorted().toList());
        }
        return entityWords();
    }

    private String entityWords() {
        if (entityId == null) {
            return entityType == null ? "" : entityType.replace('_', ' ');
        }
        return (entityType == null ? "" : entityType.replace('_', ' ') + " ") + entityId;
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(" or ", values);
    }

    private JsonNode json() {
        if (details == null) {
            return null;
        }
        try {
            JsonNode json = Json.read(details);
            return json.isObject() ? json : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
