package com.syncdesk.jira.sim;

/** A board on one project: scrum (with sprints) or kanban. */
record SimBoard(long id, String name, String type, SimProject project) {

    boolean scrum() {
        return type.equals("scrum");
    }
}
