package com.syncdesk.jira;

/**
 * An Agile board.
 *
 * @param type       scrum, kanban or simple
 * @param projectKey the project the board's location names, null for a board on a user or several projects
 */
public record JiraBoard(long id, String name, String type, String projectKey, String projectName) {

    /** Only scrum boards have sprints; JIRA answers 400 when asked for a kanban board's. */
    public boolean hasSprints() {
        return "scrum".equals(type);
    }
}
