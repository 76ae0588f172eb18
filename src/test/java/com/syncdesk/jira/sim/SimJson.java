package com.syncdesk.jira.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.jira.JiraTimestamps;

/**
 * Renders the simulated site in JIRA's JSON shapes, per deployment: Cloud names users by account id
 * and writes sprint dates in UTC with {@code Z}; Data Center names them by name and key, writes its
 * server zone's offset, and puts sprints into the issue as legacy text.
 */
final class SimJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SimulatorConfig config;
    private final String base;
    private final String api;
    /** Parts that never change (users, statuses, types, priorities, projects), rendered once and shared by every issue. */
    private final Map<Object, ObjectNode> parts = new ConcurrentHashMap<>();

    SimJson(SimulatorConfig config, String baseUrl) {
        this.config = config;
        this.base = baseUrl;
        this.api = baseUrl + (config.cloud() ? "/rest/api/3" : "/rest/api/2");
    }

    /** The zone issue timestamps are written in. */
    private ZoneId issueZone() {
        return config.cloud() ? config.userTimeZone() : config.serverZone();
    }

    private String agileDate(Instant instant) {
        return JiraTimestamps.formatAgile(instant, config.cloud() ? ZoneOffset.UTC : config.serverZone());
    }

    ObjectNode myself(SimPerson operator) {
        ObjectNode json = JSON.objectNode();
        if (config.cloud()) {
            json.put("self", api + "/user?accountId=" + operator.accountId());
            json.put("accountId", operator.accountId()).put("accountType", "atlassian").put("emailAddress", operator.email());
        } else {
            json.put("self", api + "/user?username=" + operator.name());
            json.put("key", operator.key()).put("name", operator.name()).put("emailAddress", operator.email());
        }
        json.set("avatarUrls", avatars());
        json.put("displayName", operator.displayName()).put("active", true);
        if (!config.cloud()) {
            json.put("deleted", false);
        }
        json.put("timeZone", config.userTimeZone().getId()).put("locale", "en_US");
        json.putObject("groups").put("size", 2).putArray("items");
        json.putObject("applicationRoles").put("size", 1).putArray("items");
        json.put("expand", "groups,applicationRoles");
        return json;
    }

    ObjectNode user(SimPerson person) {
        return parts.computeIfAbsent(person, key -> renderUser(person));
    }

    private ObjectNode renderUser(SimPerson person) {
        ObjectNode json = JSON.objectNode();
        if (config.cloud()) {
            json.put("self", api + "/user?accountId=" + person.accountId()).put("accountId", person.accountId());
        } else {
            json.put("self", api + "/user?username=" + person.name()).put("name", person.name()).put("key", person.key())
                    .put("emailAddress", person.email());
        }
        json.set("avatarUrls", avatars());
        json.put("displayName", person.displayName()).put("active", true).put("timeZone", config.userTimeZone().getId());
        if (config.cloud()) {
            json.put("accountType", "atlassian");
        }
        return json;
    }

    private ObjectNode avatars() {
        ObjectNode avatars = JSON.objectNode();
        for (String size : new String[] {"48x48", "24x24", "16x16", "32x32"}) {
            avatars.put(size, base + "/secure/useravatar?size=" + size);
        }
        return avatars;
    }

    ObjectNode project(SimProject project) {
        ObjectNode json = JSON.objectNode();
        json.put("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
        json.put("self", api + "/project/" + project.id()).put("id", String.valueOf(project.id())).put("key", project.key());
        json.put("description", "").put("name", project.name()).put("projectTypeKey", project.type());
        json.put("simplified", false).put("style", "classic").put("isPrivate", false);
        json.set("avatarUrls", avatars());
        return json;
    }

    ObjectNode board(SimBoard board) {
        ObjectNode json = JSON.objectNode();
        json.put("id", board.id()).put("self", base + "/rest/agile/1.0/board/" + board.id()).put("name", board.name()).put("type", board.type());
        ObjectNode location = json.putObject("location");
        location.put("projectId", board.project().id()).put("displayName", board.project().name() + " (" + board.project().key() + ")")
                .put("projectName", board.project().name()).put("projectKey", board.project().key())
                .put("projectTypeKey", board.project().type()).put("avatarURI", base + "/secure/projectavatar?size=small")
                .put("name", board.project().name() + " (" + board.project().key() + ")");
        return json;
    }

    ObjectNode sprint(SimSprint sprint) {
        ObjectNode json = JSON.objectNode();
        json.put("id", sprint.id).put("self", base + "/rest/agile/1.0/sprint/" + sprint.id).put("state", sprint.state).put("name", sprint.name);
        if (sprint.start != null) {
            json.put("startDate", agileDate(sprint.start));
        }
        if (sprint.end != null) {
            json.put("endDate", agileDate(sprint.end));
        }
        if (sprint.complete != null) {
            json.put("completeDate", agileDate(sprint.complete));
        }
        if (!sprint.state.equals("future") && sprint.start != null) {
            json.put("activatedDate", agileDate(sprint.start));
        }
        json.put("originBoardId", sprint.board.id());
        if (sprint.goal != null) {
            json.put("goal", sprint.goal);
        }
        if (config.cloud()) {
            json.put("createdDate", agileDate(sprint.start == null ? config.anchor() : sprint.start.minusSeconds(86_400)));
        } else {
            json.put("synced", false).put("autoStartStop", false);
        }
        return json;
    }

    ObjectNode status(SimWorkflow.Status status) {
        return parts.computeIfAbsent(status, key -> renderStatus(status));
    }

    private ObjectNode renderStatus(SimWorkflow.Status status) {
        ObjectNode json = JSON.objectNode();
        json.put("self", api + "/status/" + status.id()).put("description", "").put("iconUrl", base + "/images/icons/statuses/generic.png")
                .put("name", status.name()).put("id", status.id());
        json.putObject("statusCategory").put("self", api + "/statuscategory/" + status.categoryId()).put("id", status.categoryId())
                .put("key", status.categoryKey()).put("colorName", status.colour()).put("name", status.categoryName());
        return json;
    }

    ObjectNode transitions(SimIssue issue) {
        ObjectNode json = JSON.objectNode().put("expand", "transitions");
        ArrayNode list = json.putArray("transitions");
        for (SimWorkflow.Transition transition : SimWorkflow.from(issue.status)) {
            ObjectNode item = list.addObject().put("id", transition.id()).put("name", transition.name());
            item.set("to", status(transition.to()));
            item.put("hasScreen", false).put("isGlobal", false).put("isInitial", false).put("isAvailable", true)
                    .put("isConditional", false).put("isLooped", false);
        }
        return json;
    }

    /**
     * An issue with the requested fields ({@code null} or {@code *all} or {@code *navigable} for all).
     * Cloud sends sprints as objects; Data Center as {@code com.atlassian.greenhopper.service.sprint.Sprint@…[…]} text.
     */
    ObjectNode issue(SimIssue issue, Set<String> fields) {
        ObjectNode json = JSON.objectNode();
        json.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations")
                .put("id", String.valueOf(issue.id)).put("self", api + "/issue/" + issue.id).put("key", issue.key);
        ObjectNode out = json.putObject("fields");
        boolean all = fields == null || fields.contains("*all") || fields.contains("*navigable");
        if (all || fields.contains("summary")) {
            out.put("summary", issue.summary);
        }
        if (all || fields.contains("status")) {
            out.set("status", status(issue.status));
        }
        if (all || fields.contains("issuetype")) {
            out.set("issuetype", parts.computeIfAbsent("type:" + issue.type, key -> JSON.objectNode()
                    .put("self", api + "/issuetype/" + typeId(issue.type)).put("id", typeId(issue.type)).put("description", "")
                    .put("iconUrl", base + "/images/icons/issuetypes/" + issue.type.toLowerCase(Locale.ROOT) + ".svg")
                    .put("name", issue.type).put("subtask", false)));
        }
        if (all || fields.contains("assignee")) {
            if (issue.assignee == null) {
                out.putNull("assignee");
            } else {
                out.set("assignee", user(issue.assignee));
            }
        }
        if (all || fields.contains("priority")) {
            out.set("priority", parts.computeIfAbsent("priority:" + issue.priority, key -> JSON.objectNode()
                    .put("self", api + "/priority/" + priorityId(issue.priority))
                    .put("iconUrl", base + "/images/icons/priorities/" + issue.priority.toLowerCase(Locale.ROOT) + ".svg")
                    .put("name", issue.priority).put("id", priorityId(issue.priority))));
        }
        if (all || fields.contains(config.storyPointsField())) {
            if (issue.storyPoints == null) {
                out.putNull(config.storyPointsField());
            } else {
                out.put(config.storyPointsField(), issue.storyPoints.doubleValue());
            }
        }
        if (all || fields.contains(config.sprintField())) {
            if (issue.sprint == null) {
                out.putNull(config.sprintField());
            } else if (config.cloud()) {
                ObjectNode sprint = out.putArray(config.sprintField()).addObject();
                sprint.put("id", issue.sprint.id).put("name", issue.sprint.name).put("state", issue.sprint.state)
                        .put("boardId", issue.sprint.board.id());
                if (issue.sprint.goal != null) {
                    sprint.put("goal", issue.sprint.goal);
                }
                if (issue.sprint.start != null) {
                    sprint.put("startDate", agileDate(issue.sprint.start));
                }
                if (issue.sprint.end != null) {
                    sprint.put("endDate", agileDate(issue.sprint.end));
                }
            } else {
                out.putArray(config.sprintField()).add(legacySprint(issue.sprint));
            }
        }
        if (all || fields.contains("created")) {
            out.put("created", JiraTimestamps.formatIssueField(issue.created, issueZone()));
        }
        if (all || fields.contains("updated")) {
            out.put("updated", JiraTimestamps.formatIssueField(issue.updated, issueZone()));
        }
        if (all || fields.contains("project")) {
            out.set("project", parts.computeIfAbsent(issue.project, key -> JSON.objectNode()
                    .put("self", api + "/project/" + issue.project.id()).put("id", String.valueOf(issue.project.id()))
                    .put("key", issue.project.key()).put("name", issue.project.name()).put("projectTypeKey", issue.project.type())
                    .put("simplified", false)));
        }
        if (all || fields.contains("description")) {
            if (config.cloud()) {
                ObjectNode adf = out.putObject("description").put("type", "doc").put("version", 1);
                adf.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text")
                        .put("text", issue.summary + ".");
            } else {
                out.put("description", issue.summary + ".");
            }
        }
        return json;
    }

    private String legacySprint(SimSprint sprint) {
        return "com.atlassian.greenhopper.service.sprint.Sprint@" + Integer.toHexString((int) (sprint.id * 2654435761L)) + "[id=" + sprint.id
                + ",rapidViewId=" + sprint.board.id() + ",state=" + sprint.state.toUpperCase(Locale.ROOT) + ",name=" + sprint.name
                + ",startDate=" + (sprint.start == null ? "<null>" : agileDate(sprint.start))
                + ",endDate=" + (sprint.end == null ? "<null>" : agileDate(sprint.end))
                + ",completeDate=" + (sprint.complete == null ? "<null>" : agileDate(sprint.complete))
                + ",activatedDate=" + (sprint.state.equals("future") || sprint.start == null ? "<null>" : agileDate(sprint.start))
                + ",sequence=" + sprint.id + ",goal=" + (sprint.goal == null ? "" : sprint.goal)
                + ",synced=false,autoStartStop=false,incompleteIssuesDestinationId=<null>]";
    }

    /** The field list: JIRA's system fields, the story points field (by this site's name) and the sprint field. */
    ArrayNode fields() {
        ArrayNode list = JSON.arrayNode();
        system(list, "summary", "Summary", "string");
        system(list, "status", "Status", "status");
        system(list, "issuetype", "Issue Type", "issuetype");
        system(list, "assignee", "Assignee", "user");
        system(list, "priority", "Priority", "priority");
        system(list, "created", "Created", "datetime");
        system(list, "updated", "Updated", "datetime");
        system(list, "project", "Project", "project");
        system(list, "description", "Description", "string");
        if (config.cloud()) {
            custom(list, config.storyPointsField(), "Story point estimate", "number", "com.pyxis.greenhopper.jira:jsw-story-points", null);
            custom(list, config.sprintField(), "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", "json");
        } else {
            custom(list, config.storyPointsField(), "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float", null);
            custom(list, config.sprintField(), "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", "string");
        }
        return list;
    }

    private static void system(ArrayNode list, String id, String name, String type) {
        ObjectNode field = list.addObject().put("id", id).put("key", id).put("name", name).put("custom", false).put("orderable", true)
                .put("navigable", true).put("searchable", true);
        field.putArray("clauseNames").add(id);
        field.putObject("schema").put("type", type).put("system", id);
    }

    static ObjectNode custom(ArrayNode list, String id, String name, String type, String custom, String items) {
        ObjectNode field = list.addObject().put("id", id).put("key", id).put("name", name).put("untranslatedName", name).put("custom", true)
                .put("orderable", true).put("navigable", true).put("searchable", true);
        field.putArray("clauseNames").add("cf[" + id.replace("customfield_", "") + "]").add(name);
        ObjectNode schema = field.putObject("schema").put("type", type);
        if (items != null) {
            schema.put("items", items);
        }
        schema.put("custom", custom).put("customId", Long.parseLong(id.replaceAll("\\D", "")));
        return field;
    }

    static String typeId(String type) {
        return switch (type) {
            case "Story" -> "10001";
            case "Bug" -> "10004";
            case "Task" -> "10002";
            default -> "10005";
        };
    }

    static String priorityId(String priority) {
        return switch (priority) {
            case "Highest" -> "1";
            case "High" -> "2";
            case "Medium" -> "3";
            case "Low" -> "4";
            default -> "5";
        };
    }
}
