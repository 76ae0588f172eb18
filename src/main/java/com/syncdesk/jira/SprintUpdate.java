package com.syncdesk.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.planning.SprintState;

/**
 * A partial sprint update ({@code POST /rest/agile/1.0/sprint/{id}}): fields left out keep their
 * values. JIRA's rules apply: a future sprint starts (state active) only with both dates set, an
 * active one closes (state closed), a closed one takes a new name and goal only.
 */
public final class SprintUpdate {

    private final Map<String, Object> changes = new LinkedHashMap<>();

    public static SprintUpdate create() {
        return new SprintUpdate();
    }

    public SprintUpdate name(String name) {
        changes.put("name", Objects.requireNonNull(name, "name"));
        return this;
    }

    /** @param goal an empty goal removes it */
    public SprintUpdate goal(String goal) {
        changes.put("goal", Objects.requireNonNull(goal, "goal"));
        return this;
    }

    public SprintUpdate state(SprintState state) {
        changes.put("state", Objects.requireNonNull(state, "state").wire());
        return this;
    }

    public SprintUpdate startDate(Instant start) {
        changes.put("startDate", Objects.requireNonNull(start, "start"));
        return this;
    }

    public SprintUpdate endDate(Instant end) {
        changes.put("endDate", Objects.requireNonNull(end, "end"));
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        changes.forEach((field, value) -> body.put(field,
                value instanceof Instant instant ? JiraTimestamps.formatAgile(instant, ZoneOffset.UTC) : (String) value));
        return body;
    }

    @Override
    public String toString() {
        return "SprintUpdate" + changes.keySet();
    }
}
