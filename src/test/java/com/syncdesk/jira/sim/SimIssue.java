package com.syncdesk.jira.sim;

import java.math.BigDecimal;
import java.time.Instant;

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
