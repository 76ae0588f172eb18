package com.syncdesk.jira;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes to an issue's fields, sent with one {@code PUT …/issue/{key}}. Only what is set here
 * changes; a null assignee, estimate or sprint clears it (moves the issue to the backlog).
 */
public final class IssueUpdate {

    enum Field {
        SUMMARY, ISSUE_TYPE, PRIORITY, ASSIGNEE, STORY_POINTS, SPRINT
    }

    private final Map<Field, Object> changes = new EnumMap<>(Field.class);

    public static IssueUpdate create() {
        return new IssueUpdate();
    }

    public IssueUpdate summary(String summary) {
        changes.put(Field.SUMMARY, Objects.requireNonNull(summary, "summary"));
        return this;
    }

    /** @param type the issue type's name: Story, Bug, Task, … (JIRA refuses a type outside the project's scheme) */
    public IssueUpdate issueType(String type) {
        changes.put(Field.ISSUE_TYPE, Objects.requireNonNull(type, "type"));
        return this;
    }

    /** @param priority the priority's name: Highest, High, Medium, … */
    public IssueUpdate priority(String priority) {
        changes.put(Field.PRIORITY, Objects.requireNonNull(priority, "priority"));
        return this;
    }

    /** @param assignee null to unassign */
    public IssueUpdate assignee(JiraUserRef assignee) {
        changes.put(Field.ASSIGNEE, assignee);
        return this;
    }

    /** @param points null to remove the estimate */
    public IssueUpdate storyPoints(BigDecimal points) {
        changes.put(Field.STORY_POINTS, points);
        return this;
    }

    /** @param sprintId null to move the issue to the backlog */
    public IssueUpdate sprint(Long sprintId) {
        changes.put(Field.SPRINT, sprintId);
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    boolean changes(Field field) {
        return changes.containsKey(field);
    }

    /**
     * The request body. Users go by account id on Cloud and by name on Data Center; story points and
     * sprints by the ids this site gives those fields.
     */
    ObjectNode toJson(JiraDeployment deployment, JiraFieldMap fieldMap) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Field, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case SUMMARY -> fields.put("summary", (String) value);
                case ISSUE_TYPE -> fields.putObject("issuetype").put("name", (String) value);
                case PRIORITY -> fields.putObject("priority").put("name", (String) value);
                case ASSIGNEE -> {
                    if (value == null) {
                        fields.putNull("assignee");
                    } else if (deployment == JiraDeployment.CLOUD) {
                        fields.putObject("assignee").put("accountId", ((JiraUserRef) value).accountId());
                    } else {
                        fields.putObject("assignee").put("name", ((JiraUserRef) value).name());
                    }
                }
                case STORY_POINTS -> fields.put(fieldMap.storyPoints().orElseThrow().id(), (BigDecimal) value);
                case SPRINT -> {
                    String id = fieldMap.sprint().orElseThrow().id();
                    if (value == null) {
                        fields.putNull(id);
                    } else {
                        fields.put(id, (Long) value);
                    }
                }
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("fields", fields);
        return body;
    }

    @Override
    public String toString() {
        return "IssueUpdate" + changes.keySet();
    }
}
