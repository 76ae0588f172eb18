package com.syncdesk.jira.sim;

import java.util.List;
import java.util.Map;

/**
 * The simulated workflow over the demo data's statuses: To Do → In Progress → In Review → Done, with
 * the way back (stop progress, request changes, reopen). Transition ids follow JIRA's habit of 11, 21, ….
 */
final class SimWorkflow {

    /** A status with JIRA's id and its category (id, key, colour) as JIRA ships them. */
    record Status(String id, String name, int categoryId, String categoryKey, String categoryName, String colour) {
    }

    record Transition(String id, String name, Status to) {
    }

    static final Status TO_DO = new Status("10000", "To Do", 2, "new", "To Do", "blue-gray");
    static final Status IN_PROGRESS = new Status("3", "In Progress", 4, "indeterminate", "In Progress", "yellow");
    static final Status IN_REVIEW = new Status("10001", "In Review", 4, "indeterminate", "In Progress", "yellow");
    static final Status DONE = new Status("10002", "Done", 3, "done", "Done", "green");

    static final List<Status> STATUSES = List.of(TO_DO, IN_PROGRESS, IN_REVIEW, DONE);

    private static final Map<String, List<Transition>> FROM = Map.of(
            TO_DO.name(), List.of(new Transition("11", "Start progress", IN_PROGRESS)),
            IN_PROGRESS.name(), List.of(new Transition("21", "Send to review", IN_REVIEW), new Transition("31", "Stop progress", TO_DO)),
            IN_REVIEW.name(), List.of(new Transition("41", "Approve", DONE), new Transition("51", "Request changes", IN_PROGRESS)),
            DONE.name(), List.of(new Transition("61", "Reopen", TO_DO)));

    private SimWorkflow() {
    }

    static Status status(String name) {
        return STATUSES.stream().filter(status -> status.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such status: " + name));
    }

    static List<Transition> from(Status status) {
        return FROM.get(status.name());
    }
}
