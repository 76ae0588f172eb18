package com.syncdesk.jira.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An issue; its fields change only through {@link SimData} under its write lock. The getters are
 * for tests checking what a sync wrote.
 */
public final class SimIssue {

    final long id;
    final SimProject project;
    final int number;
    final String key;
    final Instant created;
    String summary;
    SimWorkflow.Status status;
    String type;
    String priority;
    SimPerson assignee;
    BigDecimal storyPoints;
    SimSprint sprint;
    Instant updated;
    boolean deleted;
    /** Entity properties by key, as {@code POST /issue} with {@code properties} sets them. */
    final Map<String, JsonNode> properties = new LinkedHashMap<>();

    SimIssue(long id, SimProject project, int number, Instant created) {
        this.id = id;
        this.project = project;
        this.number = number;
        this.key = project.key() + "-" + number;
        this.created = created;
    }

    public String key() {
        return key;
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** The entity property's value, or null. */
    public JsonNode property(String propertyKey) {
        return properties.get(propertyKey);
    }

    // Setters for edits made through JiraSimulator.editAsAnotherUser, which holds the write lock and moves updated on.

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public void setStoryPoints(BigDecimal points) {
        this.storyPoints = points;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** @param name To Do, In Progress, In Review or Done */
    public void setStatus(String name) {
        this.status = SimWorkflow.status(name);
    }

    public String summary() {
        return summary;
    }

    public String status() {
        return status.name();
    }

    public String priority() {
        return priority;
    }

    public String assignee() {
        return assignee == null ? null : assignee.displayName();
    }

    public BigDecimal storyPoints() {
        return storyPoints;
    }

    public Long sprintId() {
        return sprint == null ? null : sprint.id;
    }

    public Instant updated() {
        return updated;
    }

    public String projectKey() {
        return project.key();
    }
}
