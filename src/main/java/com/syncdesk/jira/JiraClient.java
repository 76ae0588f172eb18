package com.syncdesk.jira;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.jira.JiraParsing.ShapeError;

/**
 * SyncDesk's connection to one JIRA site, Cloud or Data Center: the calls a sync makes, in JIRA's
 * terms. Listings come as {@link PageIterator}s that hold one page at a time. Every failure is a
 * {@link JiraFailure} with a message for the operator.
 *
 * <p>Use one client per site and share it between threads: the limit on requests in flight and the
 * waits after a rate limit apply to everything sent through it, including its {@link #observedBy} views.
 */
public final class JiraClient implements AutoCloseable {

    private static final String AGILE = "/rest/agile/1.0";

    private final JiraTransport transport;
    private final JiraListener listener;
    private final AtomicReference<JiraFieldMap> fieldMap;
    /** Views share the opener's transport; only the opener closes it. */
    private final boolean owner;

    private JiraClient(JiraTransport transport, JiraListener listener, AtomicReference<JiraFieldMap> fieldMap, boolean owner) {
        this.transport = transport;
        this.listener = listener;
        this.fieldMap = fieldMap;
        this.owner = owner;
    }

    /** A client for {@code site}; it keeps its own copy of {@code secret}, destroyed on {@link #close()}. */
    public static JiraClient open(JiraSite site, Secret secret, JiraClientOptions options) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(options, "options");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("No " + site.authScheme().label() + " for " + site.describe());
        }
        return new JiraClient(new JiraTransport(site, secret.copy(), options), JiraListener.NONE, new AtomicReference<>(), true);
    }

    /**
     * The same connection, also reporting to {@code extra}: a counter per entity or per run. Closing
     * the view leaves the connection open.
     */
    public JiraClient observedBy(JiraListener extra) {
        return new JiraClient(transport, listener.and(extra), fieldMap, false);
    }

    public JiraSite site() {
        return transport.site();
    }

    private JiraDeployment deployment() {
        return transport.site().deployment();
    }

    private String api() {
        return deployment().apiPath();
    }

    /** Who SyncDesk is signed in as, with the time zone JIRA reads JQL dates in. */
    public JiraUser myself() {
        return read(JiraCall.get(api() + "/myself", "your JIRA user"), JiraParsing::user);
    }

    public JiraProject project(String key) {
        return read(JiraCall.get(api() + "/project/" + segment(key), "project " + key), JiraParsing::project);
    }

    /** Every field of the site. */
    public List<JiraField> fields() {
        JiraCall call = JiraCall.get(api() + "/field", "the field list");
        return read(call, json -> {
            if (!json.isArray()) {
                throw new ShapeError("the field list is not an array");
            }
            List<JiraField> fields = new ArrayList<>();
            json.forEach(field -> fields.add(JiraParsing.field(field)));
            return fields;
        });
    }

    /** The story points and sprint fields, found once per client and shared by its views. */
    public JiraFieldMap fieldMap() {
        JiraFieldMap known = fieldMap.get();
        if (known == null) {
            known = JiraFieldMap.discover(fields(), deployment());
            fieldMap.compareAndSet(null, known);
        }
        return fieldMap.get();
    }

    /** The boards of a project. */
    public PageIterator<JiraBoard> boards(String projectKeyOrId) {
        JiraCall call = JiraCall.get(AGILE + "/board", "the boards of project " + projectKeyOrId).with("projectKeyOrId", projectKeyOrId);
        return offsetPaged(call, "values", transport.options().agilePageSize(), JiraParsing::board);
    }

    public JiraBoard board(long id) {
        return read(JiraCall.get(AGILE + "/board/" + id, "board " + id), JiraParsing::board);
    }

    /** The sprints of a scrum board; JIRA refuses (400) for a kanban board. */
    public PageIterator<JiraSprint> sprints(long boardId) {
        JiraCall call = JiraCall.get(AGILE + "/board/" + boardId + "/sprint", "the sprints of board " + boardId);
        return offsetPaged(call, "values", transport.options().agilePageSize(), JiraParsing::sprint);
    }

    /** How many issues a board shows, from one request for an empty page; empty when JIRA does not say. */
    public OptionalLong boardIssueCount(long boardId) {
        JiraCall call = JiraCall.get(AGILE + "/board/" + boardId + "/issue", "the issues of board " + boardId)
                .with("maxResults", 0).with("fields", "key");
        JsonNode total = send(call).json().path("total");
        return total.canConvertToLong() ? OptionalLong.of(total.asLong()) : OptionalLong.empty();
    }

    public JiraSprint sprint(long id) {
        return read(JiraCall.get(AGILE + "/sprint/" + id, "sprint " + id), JiraParsing::sprint);
    }

    /** Changes what {@code update} sets and returns the sprint as JIRA now has it. */
    public JiraSprint updateSprint(long id, SprintUpdate update) {
        if (update.isEmpty()) {
            return sprint(id);
        }
        return read(JiraCall.change("POST", AGILE + "/sprint/" + id, update.toJson(), "sprint " + id, true), JiraParsing::sprint);
    }

    /**
     * The issues a JQL query finds, with the fields SyncDesk syncs. Cloud pages with
     * {@code POST /rest/api/3/search/jql} and its {@code nextPageToken}, Data Center with
     * {@code /rest/api/2/search} and {@code startAt}.
     */
    public PageIterator<JiraIssue> searchIssues(String jql) {
        JiraFieldMap fields = fieldMap();
        int pageSize = transport.options().pageSize();
        String resource = "the issue search";
        Function<JsonNode, JiraIssue> parse = json -> JiraParsing.issue(json, fields);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("jql", jql).put("maxResults", pageSize);
        body.set("fields", issueFields(fields));
        PageIterator.Pages<JiraIssue> pages = deployment() == JiraDeployment.CLOUD
                ? new TokenPages<>(body, resource, parse)
                : new OffsetPages<>(body, resource, "issues", pageSize, parse);
        return new PageIterator<>(pages, transport.options().pageCap(), resource, transport.failures());
    }

    public JiraIssue issue(String key) {
        JiraFieldMap fields = fieldMap();
        JiraCall call = JiraCall.get(api() + "/issue/" + segment(key), "issue " + key).with("fields", String.join(",", fieldNames(fields)));
        return read(call, json -> JiraParsing.issue(json, fields));
    }

    /** Sends the changes in one request; JIRA answers 204 and bumps the issue's {@code updated}. */
    public void updateIssue(String key, IssueUpdate update) {
        if (update.isEmpty()) {
            return;
        }
        JiraFieldMap fields = fieldMap();
        String resource = "issue " + key;
        if (update.changes(IssueUpdate.Field.STORY_POINTS) && fields.storyPoints().isEmpty()) {
            throw transport.failures().cannotChange(resource, "this site has no story points field (looked for "
                    + String.join(", ", JiraFieldMap.storyPointNames(deployment())) + ")");
        }
        if (update.changes(IssueUpdate.Field.SPRINT) && fields.sprint().isEmpty()) {
            throw transport.failures().cannotChange(resource, "this site has no sprint field (JIRA Software is not installed)");
        }
        send(JiraCall.change("PUT", api() + "/issue/" + segment(key), update.toJson(deployment(), fields), resource, true));
    }

    /** The issue JIRA made: its id and key. */
    public record CreatedIssue(String id, String key) {
    }

    /** The entity property SyncDesk marks the issues it creates with, so a creation cut off by a crash is found again, not repeated. */
    public static final String ORIGIN_PROPERTY = "syncdesk";

    /**
     * Creates an issue in the project with the fields set in {@code fields} (the issue type among them), marked with
     * {@code origin} in the {@value #ORIGIN_PROPERTY} entity property. Never sent twice: JIRA may have created it already.
     */
    public CreatedIssue createIssue(String projectKey, IssueUpdate fields, String origin) {
        JiraFieldMap map = fieldMap();
        String resource = "a new issue in project " + projectKey;
        ObjectNode body = fields.toJson(deployment(), map);
        ((ObjectNode) body.get("fields")).putObject("project").put("key", projectKey);
        ObjectNode property = body.putArray("properties").addObject().put("key", ORIGIN_PROPERTY);
        property.putObject("value").put("origin", origin);
        return read(JiraCall.change("POST", api() + "/issue", body, resource, false), json -> {
            String id = JiraParsing.text(json, "id");
            String key = JiraParsing.text(json, "key");
            if (id == null || key == null) {
                throw new ShapeError("the new issue has no id or key");
            }
            return new CreatedIssue(id, key);
        });
    }

    /** The issue SyncDesk created with {@code origin}, if JIRA has it: one search on the entity property. */
    public Optional<JiraIssue> issueCreatedWith(String origin) {
        PageIterator<JiraIssue> found = searchIssues("issue.property[" + ORIGIN_PROPERTY + "].origin = " + Jql.quote(origin));
        return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
    }

    /** Deletes the issue (with its subtasks' refusal: JIRA answers 400 when it has subtasks). */
    public void deleteIssue(String key) {
        send(JiraCall.change("DELETE", api() + "/issue/" + segment(key), null, "issue " + key, true));
    }

    /**
     * Users whose name matches {@code text} (Cloud: {@code GET /rest/api/3/user/search?query=}, Data Center:
     * {@code GET /rest/api/2/user/search?username=}), at most 50.
     */
    public List<JiraUserRef> findUsers(String text) {
        JiraCall call = JiraCall.get(api() + "/user/search", "the users named " + text)
                .with(deployment() == JiraDeployment.CLOUD ? "query" : "username", text).with("maxResults", 50);
        return read(call, json -> {
            if (!json.isArray()) {
                throw new ShapeError("the user search did not answer a list");
            }
            List<JiraUserRef> users = new ArrayList<>();
            json.forEach(user -> users.add(new JiraUserRef(JiraParsing.text(user, "accountId"), JiraParsing.text(user, "name"),
                    JiraParsing.text(user, "key"), JiraParsing.text(user, "displayName"))));
            return users;
        });
    }

    /** The transitions open to the issue in its current status. */
    public List<JiraTransition> transitions(String key) {
        return read(JiraCall.get(api() + "/issue/" + segment(key) + "/transitions", "the transitions of issue " + key), json -> {
            List<JiraTransition> transitions = new ArrayList<>();
            json.path("transitions").forEach(transition -> transitions.add(JiraParsing.transition(transition)));
            return transitions;
        });
    }

    /** Moves the issue along a transition. Not sent twice after a broken connection: JIRA may have moved it already. */
    public void transition(String key, String transitionId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("transition").put("id", transitionId);
        send(JiraCall.change("POST", api() + "/issue/" + segment(key) + "/transitions", body, "issue " + key, false));
    }

    /**
     * Moves the issue to the status named {@code statusName} through the transition leading there.
     *
     * @return the transition taken
     * @throws JiraFailure of kind VALIDATION when no open transition leads there
     */
    public JiraTransition transitionTo(String key, String statusName) {
        List<JiraTransition> open = transitions(key);
        for (JiraTransition transition : open) {
            if (transition.to() != null && statusName.equalsIgnoreCase(transition.to().name())) {
                transition(key, transition.id());
                return transition;
            }
        }
        List<String> offered = open.stream().map(t -> t.name() + " → " + (t.to() == null ? "?" : t.to().name())).toList();
        throw transport.failures().cannotChange("issue " + key, "no transition leads to '" + statusName + "' from its current status; "
                + "JIRA offers " + (offered.isEmpty() ? "none" : String.join(", ", offered)));
    }

    private static ArrayNode issueFields(JiraFieldMap fields) {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        fieldNames(fields).forEach(names::add);
        return names;
    }

    private static List<String> fieldNames(JiraFieldMap fields) {
        List<String> names = new ArrayList<>(List.of("summary", "status", "issuetype", "assignee", "priority", "created", "updated", "project"));
        fields.storyPoints().ifPresent(field -> names.add(field.id()));
        fields.sprint().ifPresent(field -> names.add(field.id()));
        return names;
    }

    private JiraAnswer send(JiraCall call) {
        return transport.send(call, listener);
    }

    private <T> T read(JiraCall call, Function<JsonNode, T> parser) {
        JsonNode json = send(call).json();
        try {
            return parser.apply(json);
        } catch (ShapeError e) {
            throw transport.failures().unexpectedShape(call, e.getMessage());
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> PageIterator<T> offsetPaged(JiraCall call, String itemsField, int pageSize, Function<JsonNode, T> parse) {
        return new PageIterator<>(new OffsetPages<>(call, itemsField, pageSize, parse), transport.options().pageCap(), call.resource(),
                transport.failures());
    }

    /**
     * {@code startAt} paging (Agile listings, Data Center's search). The last page is an empty one, the
     * one that reaches {@code total}, or, without a total, the one marked {@code isLast}. The offset
     * moves by what came, since JIRA may serve fewer items than asked for.
     */
    private final class OffsetPages<T> implements PageIterator.Pages<T> {
        private final JiraCall get;
        private final ObjectNode postBody;
        private final String resource;
        private final String itemsField;
        private final int pageSize;
        private final Function<JsonNode, T> parse;
        private long startAt;

        OffsetPages(JiraCall get, String itemsField, int pageSize, Function<JsonNode, T> parse) {
            this(get, null, get.resource(), itemsField, pageSize, parse);
        }

        OffsetPages(ObjectNode searchBody, String resource, String itemsField, int pageSize, Function<JsonNode, T> parse) {
            this(null, searchBody, resource, itemsField, pageSize, parse);
        }

        private OffsetPages(JiraCall get, ObjectNode postBody, String resource, String itemsField, int pageSize, Function<JsonNode, T> parse) {
            this.get = get;
            this.postBody = postBody;
            this.resource = resource;
            this.itemsField = itemsField;
            this.pageSize = pageSize;
            this.parse = parse;
        }

        @Override
        public PageIterator.Page<T> next() {
            JiraCall call = get != null
                    ? get.with("startAt", startAt).with("maxResults", pageSize)
                    : JiraCall.query(api() + "/search", postBody.deepCopy().put("startAt", startAt), resource);
            JsonNode json = send(call).json();
            JsonNode items = json.path(itemsField);
            if (!items.isArray()) {
                throw transport.failures().unexpectedShape(call, "'" + itemsField + "' is missing");
            }
            List<T> page = new ArrayList<>(items.size());
            try {
                items.forEach(item -> page.add(parse.apply(item)));
            } catch (ShapeError e) {
                throw transport.failures().unexpectedShape(call, e.getMessage());
            }
            startAt += page.size();
            JsonNode total = json.path("total");
            boolean last = page.isEmpty()
                    || (total.canConvertToLong() ? startAt >= total.asLong() : json.path("isLast").asBoolean(false));
            return new PageIterator.Page<>(page, last);
        }
    }

    /**
     * Cloud's token paging. {@code isLast} has been seen to lie, so the last page is the one without
     * a {@code nextPageToken}, or an empty one; a token that comes back again would loop.
     */
    private final class TokenPages<T> implements PageIterator.Pages<T> {
        private final ObjectNode body;
        private final String resource;
        private final Function<JsonNode, T> parse;
        private String token;

        TokenPages(ObjectNode body, String resource, Function<JsonNode, T> parse) {
            this.body = body;
            this.resource = resource;
            this.parse = parse;
        }

        @Override
        public PageIterator.Page<T> next() {
            ObjectNode page = body.deepCopy();
            if (token != null) {
                page.put("nextPageToken", token);
            }
            JiraCall call = JiraCall.query(api() + "/search/jql", page, resource);
            JsonNode json = send(call).json();
            JsonNode items = json.path("issues");
            if (!items.isArray()) {
                throw transport.failures().unexpectedShape(call, "'issues' is missing");
            }
            List<T> issues = new ArrayList<>(items.size());
            try {
                items.forEach(item -> issues.add(parse.apply(item)));
            } catch (ShapeError e) {
                throw transport.failures().unexpectedShape(call, e.getMessage());
            }
            String next = JiraParsing.text(json, "nextPageToken");
            if (next != null && next.equals(token)) {
                throw transport.failures().runawayPaging(resource, "sent the same page token twice");
            }
            token = next == null || next.isBlank() ? null : next;
            return new PageIterator.Page<>(issues, token == null || issues.isEmpty());
        }
    }

    /** Closes the connection and destroys its copy of the secret; a view's close does nothing. */
    @Override
    public void close() {
        if (owner) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "JiraClient[" + transport.site().describe() + "]";
    }
}
