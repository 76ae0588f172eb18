package com.syncdesk.sync;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.jira.IssueUpdate;
import com.syncdesk.jira.JiraBoard;
import com.syncdesk.jira.JiraClient;
import com.syncdesk.jira.JiraFailure;
import com.syncdesk.jira.JiraIssue;
import com.syncdesk.jira.JiraProject;
import com.syncdesk.jira.JiraSprint;
import com.syncdesk.jira.JiraSprintRef;
import com.syncdesk.jira.JiraUserRef;
import com.syncdesk.jira.SprintUpdate;
import com.syncdesk.planning.SprintState;
import com.syncdesk.syncstate.FailureKind;

/**
 * JIRA's side of the sync: JIRA's entities as synced fields, and the fields SyncDesk sends back — an issue
 * edit, a transition for the status, a partial sprint update, a new issue, a deletion. Thread-safe: pushes
 * run in parallel, each through its own view of the client so its calls are counted for its entity.
 */
final class JiraSide {

    /** A push SyncDesk itself refuses before sending it, because JIRA could not take it (a permanent validation failure). */
    static final class Refused extends RuntimeException {
        private final FailureKind kind;

        Refused(FailureKind kind, String message) {
            super(message);
            this.kind = kind;
        }

        FailureKind kind() {
            return kind;
        }
    }

    /** Display name → the JIRA user, found once per run. */
    private final Map<String, Optional<JiraUserRef>> users = new ConcurrentHashMap<>();

    // ---- JIRA's entities as fields ----

    static RemoteEntity project(JiraProject project) {
        return new RemoteEntity(EntityKind.PROJECT, project.id(), project.key(),
                Fields.of(EntityKind.PROJECT).set("name", FieldType.text(project.name())).build(), null, null, project.projectTypeKey());
    }

    static RemoteEntity board(JiraBoard board) {
        return new RemoteEntity(EntityKind.BOARD, String.valueOf(board.id()), null, Fields.of(EntityKind.BOARD)
                .set("name", FieldType.text(board.name())).set("board_type", FieldType.text(board.type())).build(), null, board.projectKey(), null);
    }

    static RemoteEntity sprint(JiraSprint sprint, Long boardId) {
        Long board = sprint.originBoardId() != null ? sprint.originBoardId() : boardId;
        return new RemoteEntity(EntityKind.SPRINT, String.valueOf(sprint.id()), null, Fields.of(EntityKind.SPRINT)
                .set("name", FieldType.text(sprint.name())).set("goal", FieldType.text(sprint.goal()))
                .set("state", FieldType.text(sprint.state() == null ? null : sprint.state().wire()))
                .set("start_date", FieldType.instant(sprint.startDate())).set("end_date", FieldType.instant(sprint.endDate()))
                .set("complete_date", FieldType.instant(sprint.completeDate())).build(), null, board == null ? null : String.valueOf(board), null);
    }

    static RemoteEntity issue(JiraIssue issue) {
        Fields fields = Fields.of(EntityKind.ISSUE)
                .set("summary", FieldType.text(issue.summary()))
                .set("status", FieldType.text(issue.status() == null ? null : issue.status().name()))
                .set("issue_type", FieldType.text(issue.issueType()))
                .set("priority", FieldType.text(issue.priority()))
                .set("assignee", FieldType.text(issue.assignee() == null ? null : issue.assignee().displayName()))
                .set("story_points", FieldType.decimal(issue.storyPoints()))
                .set("sprint", FieldType.id(issue.sprint().map(JiraSprintRef::id).orElse(null)))
                .build();
        return new RemoteEntity(EntityKind.ISSUE, issue.id(), issue.key(), fields, issue.updated(), issue.projectKey(), null);
    }

    /** The entity as JIRA has it now; empty when JIRA answers that it does not exist. */
    Optional<RemoteEntity> fetch(JiraClient client, EntityKind kind, String jiraId, String key) {
        try {
            return Optional.of(switch (kind) {
                case PROJECT -> project(client.project(key != null ? key : jiraId));
                case BOARD -> board(client.board(Long.parseLong(jiraId)));
                case SPRINT -> sprint(client.sprint(Long.parseLong(jiraId)), null);
                case ISSUE -> issue(client.issue(key != null ? key : jiraId));
            });
        } catch (JiraFailure failure) {
            if (failure.kind() == JiraFailure.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    // ---- sending SyncDesk's values ----

    /** Sends the pushed fields of an existing entity: one edit (and a transition for the status), or one sprint update. */
    void push(JiraClient client, EntityKind kind, String idOrKey, Map<String, JsonNode> fields) {
        switch (kind) {
            case ISSUE -> pushIssue(client, idOrKey, fields);
            case SPRINT -> pushSprint(client, Long.parseLong(idOrKey), fields);
            case BOARD, PROJECT -> throw new Refused(FailureKind.VALIDATION, kind.whyNotPushable(fields.keySet().iterator().next()));
        }
    }

    private void pushIssue(JiraClient client, String idOrKey, Map<String, JsonNode> fields) {
        IssueUpdate update = IssueUpdate.create();
        fields.forEach((field, value) -> {
            if (!field.equals("status")) {
                edit(client, update, field, value);
            }
        });
        if (!update.isEmpty()) {
            client.updateIssue(idOrKey, update);
        }
        if (fields.containsKey("status")) {
            String status = required(fields.get("status"), "status");
            client.transitionTo(idOrKey, status);
        }
    }

    private void edit(JiraClient client, IssueUpdate update, String field, JsonNode value) {
        switch (field) {
            case "summary" -> update.summary(required(value, "summary"));
            case "issue_type" -> update.issueType(required(value, "issue type"));
            case "priority" -> update.priority(required(value, "priority"));
            case "assignee" -> update.assignee(FieldType.textOf(value) == null ? null : user(client, FieldType.textOf(value)));
            case "story_points" -> update.storyPoints(FieldType.decimalOf(value));
            case "sprint" -> update.sprint(FieldType.idOf(value));
            default -> throw new IllegalArgumentException("Not an issue field: " + field);
        }
    }

    private static String required(JsonNode value, String what) {
        String text = FieldType.textOf(value);
        if (text == null || text.isBlank()) {
            throw new Refused(FailureKind.VALIDATION, "JIRA cannot take an issue without a " + what + ".");
        }
        return text;
    }

    /** The JIRA user of a display name: exactly one must carry it. */
    private JiraUserRef user(JiraClient client, String displayName) {
        Optional<JiraUserRef> found = users.computeIfAbsent(displayName.toLowerCase(Locale.ROOT), name -> {
            List<JiraUserRef> named = client.findUsers(displayName).stream()
                    .filter(user -> user.displayName() != null && user.displayName().equalsIgnoreCase(displayName)).toList();
            if (named.size() > 1) {
                throw new Refused(FailureKind.VALIDATION, named.size() + " JIRA users are called " + displayName
                        + "; SyncDesk cannot tell which one to assign.");
            }
            return named.stream().findFirst();
        });
        return found.orElseThrow(() -> new Refused(FailureKind.VALIDATION, "JIRA has no user called " + displayName + " to assign."));
    }

    private static void pushSprint(JiraClient client, long id, Map<String, JsonNode> fields) {
        SprintUpdate update = SprintUpdate.create();
        fields.forEach((field, value) -> {
            switch (field) {
                case "name" -> update.name(required(value, "name"));
                case "goal" -> update.goal(FieldType.textOf(value) == null ? "" : FieldType.textOf(value));
                case "state" -> update.state(sprintState(required(value, "state")));
                case "start_date" -> update.startDate(date(value, "start"));
                case "end_date" -> update.endDate(date(value, "end"));
                default -> throw new Refused(FailureKind.VALIDATION, EntityKind.SPRINT.whyNotPushable(field));
            }
        });
        client.updateSprint(id, update);
    }

    private static SprintState sprintState(String wire) {
        for (SprintState state : SprintState.values()) {
            if (state.wire().equals(wire)) {
                return state;
            }
        }
        throw new Refused(FailureKind.VALIDATION, "A sprint is future, active or closed, not " + wire + ".");
    }

    private static Instant date(JsonNode value, String which) {
        return FieldType.instantOf(value).orElseThrow(() -> new Refused(FailureKind.VALIDATION,
                "JIRA does not let SyncDesk remove a sprint's " + which + " date; set one instead."));
    }

    /**
     * Creates the issue in JIRA with every field it has, marked with {@code origin}, then moves it to its status.
     * A run that died after JIRA made it finds it again by the origin instead of making another.
     */
    JiraClient.CreatedIssue create(JiraClient client, String localKey, Fields fields, String origin) {
        Optional<JiraIssue> earlier = client.issueCreatedWith(origin);
        JiraClient.CreatedIssue created;
        String status;
        if (earlier.isPresent()) {
            created = new JiraClient.CreatedIssue(earlier.get().id(), earlier.get().key());
            status = earlier.get().status() == null ? null : earlier.get().status().name();
        } else {
            String project = LocalTables.projectOf(localKey);
            if (project == null) {
                throw new Refused(FailureKind.VALIDATION, "The issue key " + localKey + " names no project to create the issue in.");
            }
            IssueUpdate update = IssueUpdate.create().summary(required(fields.get("summary"), "summary"))
                    .issueType(FieldType.textOf(fields.get("issue_type")) == null ? "Task" : FieldType.textOf(fields.get("issue_type")));
            for (String field : List.of("priority", "assignee", "story_points", "sprint")) {
                JsonNode value = fields.get(field);
                if (value != null && !value.isNull()) {
                    edit(client, update, field, value);
                }
            }
            created = client.createIssue(project, update, origin);
            JiraIssue made = client.issue(created.key());
            status = made.status() == null ? null : made.status().name();
        }
        String wanted = FieldType.textOf(fields.get("status"));
        if (wanted != null && !wanted.equalsIgnoreCase(status)) {
            client.transitionTo(created.key(), wanted);
        }
        return created;
    }

    /** Deletes the issue in JIRA; one JIRA no longer has is as good as deleted. */
    void delete(JiraClient client, String idOrKey) {
        try {
            client.deleteIssue(idOrKey);
        } catch (JiraFailure failure) {
            if (failure.kind() != JiraFailure.Kind.NOT_FOUND) {
                throw failure;
            }
        }
    }

    static FailureKind kindOf(JiraFailure failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED -> FailureKind.RATE_LIMIT;
            case AUTH, NOT_JIRA -> FailureKind.AUTH;
            case NOT_FOUND -> FailureKind.NOT_FOUND;
            case VALIDATION -> FailureKind.VALIDATION;
            case CONFLICT -> FailureKind.CONFLICT;
            case SERVER, PROTOCOL -> FailureKind.SERVER;
            case NETWORK -> FailureKind.NETWORK;
        };
    }

    /** A failure that ends the whole run: the secret was refused, or the address no longer answers as JIRA. */
    static boolean stopsTheRun(JiraFailure failure) {
        return failure.kind() == JiraFailure.Kind.AUTH && failure.status() == 401 || failure.kind() == JiraFailure.Kind.NOT_JIRA;
    }
}
