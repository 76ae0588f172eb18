package com.syncdesk.jira.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.syncdesk.demo.DemoVocabulary;
import com.syncdesk.jira.JiraAuthScheme;
import com.syncdesk.jira.JiraDeployment;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.JiraTimestamps;
import com.syncdesk.jira.Secret;
import com.syncdesk.persistence.Json;

/**
 * A stateful JIRA in this process, speaking the REST endpoints a sync uses with JIRA's JSON shapes, as
 * Cloud or as Data Center (see {@link SimulatorConfig}). It is seeded like the demo data, answers
 * from in-memory indexes, changes its data on writes, and can be scripted to misbehave (rate limits,
 * errors, slowness, dropped connections, broken JSON, HTML pages, revoked tokens, other users' edits).
 * Every request is logged and counted, and the most requests it ever had in flight at once is kept.
 *
 * <p>Endpoints: {@code …/myself}, {@code …/field}, {@code …/project/{key}}, {@code GET/PUT …/issue/{key}},
 * {@code GET/POST …/issue/{key}/transitions}; Cloud {@code POST|GET /rest/api/3/search/jql} (and 410 for
 * {@code /rest/api/2|3/search}), Data Center {@code GET|POST /rest/api/2/search}; Agile
 * {@code /board?projectKeyOrId}, {@code /board/{id}}, {@code /board/{id}/sprint}, {@code /board/{id}/issue},
 * {@code GET/POST /sprint/{id}}. JQL: see {@link SimJql}.
 *
 * <p>By hand: {@code mvn -q -Pjira-simulator test-compile exec:exec} (see README.md).
 */
public final class JiraSimulator implements AutoCloseable {

    /** One log entry per request, the oldest dropped past this many so a long run by hand stays small. */
    private static final int LOG_LIMIT = 100_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> PRIORITIES = Set.of("Highest", "High", "Medium", "Low", "Lowest");

    static {
        // The JDK's server writes headers and body apart; with Nagle on, a delayed ACK adds ~40 ms to every answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final SimulatorConfig config;
    private final SimData data;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final SimJson json;
    private final List<SimRule> rules = new CopyOnWriteArrayList<>();
    private final Deque<LoggedRequest> log = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<Long> deniedBoards = ConcurrentHashMap.newKeySet();
    private final List<ObjectNode> extraFields = new CopyOnWriteArrayList<>();
    private final Map<String, Cursor> cursors = lru(1_000);
    private final Map<String, CachedQuery> queries = lru(64);
    private final AtomicLong tokens = new AtomicLong();
    private volatile boolean tokenRevoked;
    private volatile Duration latency;
    private volatile int searchPageCap;
    private volatile int agilePageCap = 50;
    private volatile boolean lyingIsLast;
    private volatile boolean trailingEmptyPage;
    private volatile int overstatedTotal;

    /** A Cloud search in progress: the result as of its first page, and where the next page starts. */
    private record Cursor(List<SimIssue> result, int offset) {
    }

    private record CachedQuery(long version, List<SimIssue> result) {
    }

    /** An answer before it is written. */
    private record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {

        static Reply json(int status, JsonNode body) {
            try {
                return new Reply(status, Map.of(), "application/json;charset=UTF-8", Json.MAPPER.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Reply of(SimResponse canned) {
            return new Reply(canned.status(), canned.headers(), canned.contentType(), canned.body());
        }

        static Reply noContent() {
            return new Reply(204, Map.of(), null, new byte[0]);
        }
    }

    private JiraSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.data = SimData.seed(config);
        this.searchPageCap = config.cloud() ? 100 : 1_000;
        this.latency = config.latency();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 200);
        this.server.setExecutor(executor);
        this.server.createContext("/", this::handle);
        this.server.start();
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.json = new SimJson(config, baseUrl.toString());
    }

    public static JiraSimulator start(SimulatorConfig config) {
        try {
            return new JiraSimulator(config);
        } catch (IOException e) {
            throw new IllegalStateException("The JIRA simulator could not listen on port " + config.port(), e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A site pointing here that signs in with the configured token: Cloud's API token, Data Center's personal access token. */
    public JiraSite site() {
        return config.cloud() ? JiraSite.cloud(baseUrl.toString(), config.user())
                : JiraSite.dataCenter(baseUrl.toString(), JiraAuthScheme.PERSONAL_ACCESS_TOKEN, config.user());
    }

    /** Data Center: a site signing in with user name and password. */
    public JiraSite passwordSite() {
        return JiraSite.dataCenter(baseUrl.toString(), JiraAuthScheme.PASSWORD, config.user());
    }

    /** The secret {@link #site()} signs in with. */
    public Secret token() {
        return Secret.of(config.token());
    }

    public Secret password() {
        return Secret.of(config.password());
    }

    // ---- The data, for tests ----

    public int issueCount() {
        return read(() -> data.issuesByKey.size());
    }

    public SimIssue issue(String key) {
        return read(() -> data.issuesByKey.get(key));
    }

    public SimSprint sprint(long id) {
        return read(() -> data.sprints.get(id));
    }

    public List<Long> boardIds() {
        return read(() -> List.copyOf(data.boards.keySet()));
    }

    public List<String> projectKeys() {
        return read(() -> List.copyOf(data.projects.keySet()));
    }

    /** The board's sprints, oldest first. */
    public List<SimSprint> sprintsOf(long boardId) {
        return read(() -> List.copyOf(data.sprintsByBoard.getOrDefault(boardId, List.of())));
    }

    /** The keys of the issues the JQL finds, in its order, as a search would return them. */
    public List<String> keysFor(String jql) {
        return read(() -> SimJql.parse(jql, config.userTimeZone(), data.projects.keySet()).run(data).stream().map(SimIssue::key).toList());
    }

    public int sprintCount() {
        return read(() -> data.sprints.size());
    }

    // ---- Changing the site as other JIRA users do ----

    /** Another JIRA user's edit: changes the issue and moves its {@code updated} on, as any edit does. */
    public void editAsAnotherUser(String key, Consumer<SimIssue> edit) {
        write(() -> {
            SimIssue issue = existing(key);
            edit.accept(issue);
            issue.updated = data.writeTime(config.clock().instant());
            return null;
        });
    }

    /** Another user's change of summary. */
    public void renameAsAnotherUser(String key, String summary) {
        editAsAnotherUser(key, issue -> issue.summary = summary);
    }

    /** Another user moves the issue to a sprint (null: the backlog), which moves its {@code updated} on. */
    public void moveToSprintAsAnotherUser(String key, Long sprintId) {
        write(() -> {
            SimIssue issue = existing(key);
            data.moveToSprint(issue, sprintId == null ? null : data.sprints.get(sprintId));
            issue.updated = data.writeTime(config.clock().instant());
            return null;
        });
    }

    /** Another user's change of a sprint (name, goal). */
    public void editSprintAsAnotherUser(long id, Consumer<SimSprint> edit) {
        write(() -> {
            edit.accept(data.sprints.get(id));
            data.writeTime(config.clock().instant());
            return null;
        });
    }

    /** Another user creates an issue in the project, in the sprint given (or the backlog); returns its key. */
    public String createIssueAsAnotherUser(String projectKey, String summary, Long sprintId) {
        return write(() -> {
            Instant now = data.writeTime(config.clock().instant());
            SimIssue issue = data.create(data.projects.get(projectKey), now);
            issue.summary = summary;
            issue.type = "Story";
            issue.priority = "Medium";
            issue.status = SimWorkflow.TO_DO;
            issue.updated = now;
            if (sprintId != null) {
                data.moveToSprint(issue, data.sprints.get(sprintId));
            }
            return issue.key;
        });
    }

    /** The keys of every issue, in key order. */
    public List<String> issueKeys() {
        return read(() -> data.issuesInKeyOrder.stream().map(SimIssue::key).toList());
    }

    /** Deleted in JIRA: the issue answers 404 and leaves every search. */
    public void deleteIssue(String key) {
        write(() -> {
            data.delete(existing(key));
            return null;
        });
    }

    private SimIssue existing(String key) {
        SimIssue issue = data.issuesByKey.get(key);
        if (issue == null) {
            throw new IllegalArgumentException("No issue " + key);
        }
        return issue;
    }

    /** The signed-in user loses the permission to see the board: 403 on it, its sprints and its issues. */
    public void denyBoard(long id) {
        deniedBoards.add(id);
    }

    /** Added to every request from now on, instead of the configured latency. */
    public void setLatency(Duration value) {
        latency = value;
    }

    /** How many issues the project of a board holds (each simulated board shows one project). */
    public int issuesOnBoard(long boardId) {
        return read(() -> data.issuesByProject.get(data.boards.get(boardId).project().key()).size());
    }

    /** The token is revoked: every later request answers 401. */
    public void revokeToken() {
        tokenRevoked = true;
    }

    /** Adds a field to the field list, e.g. a decoy named like story points but holding text. */
    public void addField(String id, String name, String type, String custom) {
        ArrayNode holder = JSON.arrayNode();
        extraFields.add(SimJson.custom(holder, id, name, type, custom, null));
    }

    // ---- Paging quirks ----

    /** The most issues a search page holds, whatever the client asks for (Cloud: 100, Data Center: 1,000). */
    public void capSearchPageSize(int issues) {
        searchPageCap = issues;
    }

    /** The most boards or sprints an Agile page holds (50). */
    public void capAgilePageSize(int items) {
        agilePageCap = items;
    }

    /** Cloud: {@code isLast} says the opposite of the truth, as it has been seen to. */
    public void lieAboutIsLast() {
        lyingIsLast = true;
    }

    /** Cloud: the last full page still carries a token, and the page after it is empty (and carries one too). */
    public void endWithAnEmptyPage() {
        trailingEmptyPage = true;
    }

    /** Data Center: {@code total} claims this many more issues than there are, so the page after the last is empty. */
    public void overstateTotal(int extra) {
        overstatedTotal = extra;
    }

    // ---- Scripting ----

    /**
     * A rule for requests whose method ({@code "*"} for any) and path (a regular expression on the path
     * without the query) match; configure it with its builder methods. Rules apply in the order added.
     */
    public SimRule when(String method, String pathPattern) {
        SimRule rule = new SimRule(method, pathPattern);
        rules.add(rule);
        return rule;
    }

    // ---- Observation ----

    /** Every request so far (up to the last 100,000), oldest first. */
    public List<LoggedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public long requestCount() {
        synchronized (log) {
            return log.size();
        }
    }

    /** Requests whose method and path (a regular expression) match. */
    public long requestCount(String method, String pathPattern) {
        Predicate<String> path = Pattern.compile(pathPattern).asMatchPredicate();
        return requests().stream().filter(r -> (method.equals("*") || r.method().equals(method)) && path.test(r.path())).count();
    }

    /** The most requests ever in flight at the same time. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Forgets the log and the concurrency high-water mark (not the rules). */
    public void resetStats() {
        synchronized (log) {
            log.clear();
        }
        maxInFlight.set(inFlight.get());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- Serving ----

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        // A request stops being in flight when its answer starts out: the client cannot have it earlier.
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        LoggedRequest.AuthKind auth = authKind(exchange.getRequestHeaders().getFirst("Authorization"));
        String summary = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        // Logged before the answer goes out: a client that has its answer finds its request in the log.
        try {
            List<SimRule> active = rules.stream().filter(rule -> rule.claims(method, path)).toList();
            active.stream().map(SimRule::beforeHook).filter(hook -> hook != null).forEach(Runnable::run);
            Duration delay = active.stream().map(SimRule::delayTime).reduce(latency, Duration::plus);
            if (delay.isPositive()) {
                Thread.sleep(delay);
            }
            if (active.stream().anyMatch(SimRule::drops)) {
                record(new LoggedRequest(method, path, query, summary, auth, agent, 0, Duration.ofNanos(System.nanoTime() - started), false));
                leave.run();
                breakOff(exchange);
                return;
            }
            SimResponse canned = active.stream().map(SimRule::response).filter(response -> response != null).findFirst().orElse(null);
            Reply reply = canned != null ? Reply.of(canned) : answer(exchange, method, path, query, body);
            Map<String, String> headers = new LinkedHashMap<>(reply.headers());
            active.forEach(rule -> headers.putAll(rule.headers()));
            active.stream().map(SimRule::afterHook).filter(hook -> hook != null).forEach(Runnable::run);
            send(exchange, reply, headers, gzipped -> {
                record(new LoggedRequest(method, path, query, summary, auth, agent, reply.status(), Duration.ofNanos(System.nanoTime() - started),
                        gzipped));
                leave.run();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException e) {
            send(exchange, Reply.json(500, error(List.of("The simulator failed: " + e), Map.of())), Map.of(), gzipped -> {
                record(new LoggedRequest(method, path, query, summary, auth, agent, 500, Duration.ofNanos(System.nanoTime() - started), gzipped));
                leave.run();
            });
        } finally {
            leave.run();
        }
    }

    /**
     * Breaks the connection in the middle of an answer: headers promising a body, part of it, then a
     * failure out of the handler, on which the server closes the connection. (Closing before any byte
     * would look like a stale keep-alive connection, which the JDK's client silently sends again.)
     */
    private static void breakOff(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(200, 4_096);
        OutputStream out = exchange.getResponseBody();
        out.write("{\"issues\":[".getBytes(StandardCharsets.UTF_8));
        out.flush();
        throw new IOException("connection dropped on purpose");
    }

    private void send(HttpExchange exchange, Reply reply, Map<String, String> headers, Consumer<Boolean> logged) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        byte[] body = reply.body();
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = body.length >= 512 && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        if (gzip) {
            ByteArrayOutputStream packed = new ByteArrayOutputStream(body.length / 4);
            try (GZIPOutputStream out = new FastGzip(packed)) {
                out.write(body);
            }
            body = packed.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        logged.accept(gzip);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** gzip at its fastest level: the simulator's time should go to JIRA's work, not to squeezing bytes. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private void record(LoggedRequest request) {
        synchronized (log) {
            if (log.size() == LOG_LIMIT) {
                log.removeFirst();
            }
            log.addLast(request);
        }
    }

    private static LoggedRequest.AuthKind authKind(String header) {
        if (header == null) {
            return LoggedRequest.AuthKind.NONE;
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return LoggedRequest.AuthKind.BASIC;
        }
        return header.regionMatches(true, 0, "Bearer ", 0, 7) ? LoggedRequest.AuthKind.BEARER : LoggedRequest.AuthKind.OTHER;
    }

    /** Cloud takes e-mail + API token as Basic; Data Center a personal access token as Bearer or user + password as Basic. */
    private boolean signedIn(String header) {
        if (header == null || tokenRevoked) {
            return false;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return !config.cloud() && header.substring(7).strip().equals(config.token());
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(config.user())) {
            return false;
        }
        return decoded.substring(colon + 1).equals(config.cloud() ? config.token() : config.password());
    }

    private static final Pattern ISSUE = Pattern.compile("/rest/api/(2|3)/issue/([^/]+)");
    private static final Pattern NEW_ISSUE = Pattern.compile("/rest/api/(2|3)/issue");
    private static final Pattern USER_SEARCH = Pattern.compile("/rest/api/(2|3)/user/search");
    private static final Pattern TRANSITIONS = Pattern.compile("/rest/api/(2|3)/issue/([^/]+)/transitions");
    private static final Pattern PROJECT = Pattern.compile("/rest/api/(2|3)/project/([^/]+)");
    private static final Pattern PLATFORM = Pattern.compile("/rest/api/(2|3)/(myself|field|search|search/jql)");
    private static final Pattern BOARD = Pattern.compile("/rest/agile/1\\.0/board/(\\d+)(/sprint|/issue)?");
    private static final Pattern SPRINT = Pattern.compile("/rest/agile/1\\.0/sprint/(\\d+)");

    private Reply answer(HttpExchange exchange, String method, String path, String query, byte[] body) {
        if (!signedIn(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Reply.of(SimResponse.jiraError(401, "Client must be authenticated to access this resource.")
                    .withHeader("WWW-Authenticate", "Basic realm=\"protected-area\""));
        }
        Map<String, String> params = params(query);
        Matcher m;
        if ((m = PLATFORM.matcher(path)).matches() && apiVersionServed(m.group(1))) {
            return switch (m.group(2)) {
                case "myself" -> only(method, "GET", () -> Reply.json(200, json.myself(data.operator)));
                case "field" -> only(method, "GET", this::fields);
                case "search" -> config.cloud() ? Reply.of(SimResponse.removedSearchApi()) : dataCenterSearch(method, params, body);
                default -> config.cloud() && m.group(1).equals("3") ? cloudSearch(method, params, body) : notFound(path);
            };
        }
        if ((m = TRANSITIONS.matcher(path)).matches() && apiVersionServed(m.group(1))) {
            String key = m.group(2);
            return switch (method) {
                case "GET" -> read(() -> issueOr404(key, issue -> Reply.json(200, json.transitions(issue))));
                case "POST" -> transition(key, body);
                default -> methodNotAllowed();
            };
        }
        if ((m = NEW_ISSUE.matcher(path)).matches() && apiVersionServed(m.group(1))) {
            return only(method, "POST", () -> create(body));
        }
        if ((m = USER_SEARCH.matcher(path)).matches() && apiVersionServed(m.group(1))) {
            return only(method, "GET", () -> userSearch(params));
        }
        if ((m = ISSUE.matcher(path)).matches() && apiVersionServed(m.group(1))) {
            String key = m.group(2);
            Set<String> fields = params.containsKey("fields") ? Set.of(params.get("fields").split(",")) : null;
            return switch (method) {
                case "GET" -> read(() -> issueOr404(key, issue -> Reply.json(200, json.issue(issue, fields))));
                case "PUT" -> edit(key, body);
                case "DELETE" -> write(() -> issueOr404(key, issue -> {
                    data.delete(issue);
                    return Reply.noContent();
                }));
                default -> methodNotAllowed();
            };
        }
        if ((m = PROJECT.matcher(path)).matches() && apiVersionServed(m.group(1))) {
            String key = m.group(2);
            return only(method, "GET", () -> read(() -> {
                SimProject project = data.projects.get(key);
                return project == null ? Reply.of(SimResponse.jiraError(404, "No project could be found with key '" + key + "'."))
                        : Reply.json(200, json.project(project));
            }));
        }
        if (path.equals("/rest/agile/1.0/board")) {
            return only(method, "GET", () -> boards(params));
        }
        if ((m = BOARD.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            String tail = m.group(2) == null ? "" : m.group(2);
            return only(method, "GET", () -> board(id, tail, params));
        }
        if ((m = SPRINT.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            return switch (method) {
                case "GET" -> read(() -> {
                    SimSprint sprint = data.sprints.get(id);
                    return sprint == null ? Reply.of(SimResponse.jiraError(404, "Sprint does not exist or you do not have permission to see it."))
                            : Reply.json(200, json.sprint(sprint));
                });
                case "POST" -> updateSprint(id, body);
                default -> methodNotAllowed();
            };
        }
        return notFound(path);
    }

    /** Cloud serves both platform versions; Data Center only version 2. */
    private boolean apiVersionServed(String version) {
        return config.cloud() || version.equals("2");
    }

    private static Reply only(String method, String allowed, Supplier<Reply> handler) {
        return method.equals(allowed) ? handler.get() : methodNotAllowed();
    }

    private static Reply methodNotAllowed() {
        return Reply.of(SimResponse.jiraError(405, "Method Not Allowed"));
    }

    private static Reply notFound(String path) {
        return Reply.of(SimResponse.jiraError(404, "null for uri: " + path));
    }

    private Reply fields() {
        ArrayNode list = json.fields();
        extraFields.forEach(list::add);
        return Reply.json(200, list);
    }

    private Reply issueOr404(String key, Function<SimIssue, Reply> found) {
        SimIssue issue = data.issueByIdOrKey(key);
        return issue == null ? Reply.of(SimResponse.jiraError(404, "Issue does not exist or you do not have permission to see it."))
                : found.apply(issue);
    }

    // ---- Search ----

    private Reply cloudSearch(String method, Map<String, String> params, byte[] body) {
        JsonNode request = method.equals("POST") ? readJson(body) : null;
        if (method.equals("POST") && request == null) {
            return Reply.of(SimResponse.jiraError(400, "Invalid request payload. Refer to the REST API documentation and try again."));
        }
        String jql = request != null ? request.path("jql").asText(null) : params.get("jql");
        int asked = request != null ? request.path("maxResults").asInt(50) : Integer.parseInt(params.getOrDefault("maxResults", "50"));
        String token = request != null ? request.path("nextPageToken").asText(null) : params.get("nextPageToken");
        Set<String> fields = request != null ? fieldSet(request.path("fields")) : params.containsKey("fields")
                ? Set.of(params.get("fields").split(",")) : Set.of("id");
        int pageSize = Math.max(0, Math.min(asked, searchPageCap));
        return read(() -> {
            Cursor cursor;
            if (token != null) {
                synchronized (cursors) {
                    cursor = cursors.get(token);
                }
                if (cursor == null) {
                    return Reply.of(SimResponse.jiraError(400, "The provided next page token is invalid or expired."));
                }
            } else {
                SimJql.Query query;
                try {
                    query = SimJql.parse(jql, config.userTimeZone(), data.projects.keySet());
                } catch (SimJql.JqlError e) {
                    return Reply.of(SimResponse.jiraError(400, e.getMessage()));
                }
                if (!query.bounded()) {
                    return Reply.of(SimResponse.jiraError(400,
                            "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."));
                }
                cursor = new Cursor(query.run(data), 0);
            }
            List<SimIssue> page = new ArrayList<>();
            int offset = cursor.offset();
            while (page.size() < pageSize && offset < cursor.result().size()) {
                SimIssue issue = cursor.result().get(offset++);
                if (!issue.deleted) {
                    page.add(issue);
                }
            }
            boolean more = offset < cursor.result().size() || trailingEmptyPage && !page.isEmpty();
            ObjectNode answer = JSON.objectNode();
            ArrayNode issues = answer.putArray("issues");
            page.forEach(issue -> issues.add(json.issue(issue, fields)));
            if (more || trailingEmptyPage && page.isEmpty() && token != null && cursor.result().size() > 0) {
                String next = "sim-" + tokens.incrementAndGet() + "-" + Long.toHexString(config.seed());
                synchronized (cursors) {
                    cursors.put(next, new Cursor(cursor.result(), offset));
                }
                answer.put("nextPageToken", next);
            }
            answer.put("isLast", lyingIsLast == more);
            return Reply.json(200, answer);
        });
    }

    private Reply dataCenterSearch(String method, Map<String, String> params, byte[] body) {
        JsonNode request = method.equals("POST") ? readJson(body) : null;
        if (method.equals("POST") && request == null) {
            return Reply.of(SimResponse.jiraError(400, "Invalid request payload."));
        }
        String jql = request != null ? request.path("jql").asText("") : params.getOrDefault("jql", "");
        int asked = request != null ? request.path("maxResults").asInt(50) : Integer.parseInt(params.getOrDefault("maxResults", "50"));
        int startAt = request != null ? request.path("startAt").asInt(0) : Integer.parseInt(params.getOrDefault("startAt", "0"));
        Set<String> fields = request != null ? fieldSet(request.path("fields"))
                : params.containsKey("fields") ? Set.of(params.get("fields").split(",")) : null;
        int pageSize = Math.max(0, Math.min(asked, searchPageCap));
        return read(() -> {
            List<SimIssue> result;
            try {
                result = cachedQuery(jql);
            } catch (SimJql.JqlError e) {
                return Reply.of(SimResponse.jiraError(400, e.getMessage()));
            }
            ObjectNode answer = JSON.objectNode().put("expand", "schema,names").put("startAt", startAt).put("maxResults", pageSize)
                    .put("total", result.size() + overstatedTotal);
            ArrayNode issues = answer.putArray("issues");
            for (int i = startAt; i < Math.min(result.size(), startAt + pageSize); i++) {
                issues.add(json.issue(result.get(i), fields));
            }
            return Reply.json(200, answer);
        });
    }

    /** A query's result, kept until the data changes: a 100,000-issue search then costs one evaluation, not one per page. */
    private List<SimIssue> cachedQuery(String jql) {
        CachedQuery cached;
        synchronized (queries) {
            cached = queries.get(jql);
        }
        if (cached != null && cached.version() == data.version()) {
            return cached.result();
        }
        List<SimIssue> result = SimJql.parse(jql, config.userTimeZone(), data.projects.keySet()).run(data);
        synchronized (queries) {
            queries.put(jql, new CachedQuery(data.version(), result));
        }
        return result;
    }

    private static Set<String> fieldSet(JsonNode fields) {
        if (!fields.isArray()) {
            return Set.of("id");
        }
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(field -> names.add(field.asText()));
        return names;
    }

    // ---- Agile ----

    private Reply boards(Map<String, String> params) {
        String project = params.get("projectKeyOrId");
        return read(() -> {
            List<SimBoard> matching = data.boards.values().stream().filter(board -> project == null || board.project().key().equals(project)
                    || String.valueOf(board.project().id()).equals(project)).toList();
            if (project != null && matching.isEmpty() && !data.projects.containsKey(project)) {
                return Reply.of(SimResponse.jiraError(400, "No project could be found with key or id '" + project + "'."));
            }
            return Reply.json(200, agilePage(matching.stream().map(json::board).toList(), params, config.cloud()));
        });
    }

    private Reply board(long id, String tail, Map<String, String> params) {
        return read(() -> {
            SimBoard board = data.boards.get(id);
            if (board == null) {
                return Reply.of(SimResponse.jiraError(404, "Board does not exist or you do not have permission to see it."));
            }
            if (deniedBoards.contains(id)) {
                return Reply.of(SimResponse.jiraError(403, "You do not have the permission to view board " + id + "."));
            }
            return switch (tail) {
                case "/sprint" -> board.scrum()
                        ? Reply.json(200, agilePage(sprintsIn(id, params.get("state")).stream().map(json::sprint).toList(), params, false))
                        : Reply.of(SimResponse.jiraError(400, "The board does not support sprints"));
                case "/issue" -> boardIssues(board, params);
                default -> Reply.json(200, json.board(board));
            };
        });
    }

    private List<SimSprint> sprintsIn(long board, String states) {
        List<SimSprint> all = data.sprintsByBoard.get(board);
        if (states == null) {
            return all;
        }
        Set<String> wanted = Set.of(states.split(","));
        return all.stream().filter(sprint -> wanted.contains(sprint.state)).toList();
    }

    /** The board's issues: its project's, since each simulated board shows one project. */
    private Reply boardIssues(SimBoard board, Map<String, String> params) {
        List<SimIssue> issues = data.issuesByProject.get(board.project().key());
        int startAt = Integer.parseInt(params.getOrDefault("startAt", "0"));
        int max = Math.min(Integer.parseInt(params.getOrDefault("maxResults", "50")), agilePageCap);
        Set<String> fields = params.containsKey("fields") ? Set.of(params.get("fields").split(",")) : null;
        ObjectNode answer = JSON.objectNode().put("expand", "schema,names").put("startAt", startAt).put("maxResults", max)
                .put("total", issues.size());
        ArrayNode page = answer.putArray("issues");
        for (int i = startAt; i < Math.min(issues.size(), startAt + max); i++) {
            page.add(json.issue(issues.get(i), fields));
        }
        return Reply.json(200, answer);
    }

    /** {@code startAt}/{@code maxResults}/{@code isLast} paging; Cloud's board listing also has {@code total}. */
    private ObjectNode agilePage(List<ObjectNode> items, Map<String, String> params, boolean withTotal) {
        int startAt = Integer.parseInt(params.getOrDefault("startAt", "0"));
        int max = Math.min(Integer.parseInt(params.getOrDefault("maxResults", "50")), agilePageCap);
        ObjectNode page = JSON.objectNode().put("maxResults", max).put("startAt", startAt);
        if (withTotal) {
            page.put("total", items.size());
        }
        page.put("isLast", startAt + max >= items.size());
        ArrayNode values = page.putArray("values");
        items.stream().skip(startAt).limit(max).forEach(values::add);
        return page;
    }

    // ---- Writes ----

    /** {@code PUT …/issue/{key}}: summary, priority, assignee, story points and sprint, with JIRA's refusals. */
    private Reply edit(String key, byte[] body) {
        JsonNode request = readJson(body);
        if (request == null || !request.path("fields").isObject()) {
            return Reply.of(SimResponse.jiraError(400, "Can not deserialize instance of the issue update out of the given content."));
        }
        return write(() -> issueOr404(key, issue -> {
            Map<String, String> errors = new LinkedHashMap<>();
            List<Runnable> changes = new ArrayList<>();
            request.path("fields").properties().forEach(entry -> {
                String field = entry.getKey();
                JsonNode value = entry.getValue();
                String problem = switch (field) {
                    case "summary" -> summary(issue, value, changes);
                    case "issuetype" -> issueType(issue, value, changes);
                    case "priority" -> priority(issue, value, changes);
                    case "assignee" -> assignee(issue, value, changes);
                    default -> field.equals(config.storyPointsField()) ? storyPoints(issue, value, changes)
                            : field.equals(config.sprintField()) ? sprint(issue, value, changes)
                            : "Field '" + field + "' cannot be set. It is not on the appropriate screen, or unknown.";
                };
                if (problem != null) {
                    errors.put(field, problem);
                }
            });
            if (!errors.isEmpty()) {
                return Reply.of(SimResponse.jiraError(400, List.of(), errors));
            }
            changes.forEach(Runnable::run);
            issue.updated = data.writeTime(config.clock().instant());
            return Reply.noContent();
        }));
    }

    private static String summary(SimIssue issue, JsonNode value, List<Runnable> changes) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return "You must specify a summary of the issue.";
        }
        if (value.asText().length() > 255) {
            return "Summary must be less than 255 characters.";
        }
        changes.add(() -> issue.summary = value.asText());
        return null;
    }

    private static String issueType(SimIssue issue, JsonNode value, List<Runnable> changes) {
        String name = value.path("name").asText(null);
        if (name == null || !DemoVocabulary.TYPES.contains(name)) {
            return "The issue type selected is invalid.";
        }
        changes.add(() -> issue.type = name);
        return null;
    }

    /**
     * {@code POST …/issue}: project, summary and issue type are required; priority defaults to Medium, the
     * status is the workflow's first; {@code properties} become entity properties. Answers 201 with id, key and self.
     */
    private Reply create(byte[] body) {
        JsonNode request = readJson(body);
        if (request == null || !request.path("fields").isObject()) {
            return Reply.of(SimResponse.jiraError(400, "Can not deserialize instance of the issue out of the given content."));
        }
        JsonNode fields = request.path("fields");
        return write(() -> {
            SimProject project = data.projects.get(fields.path("project").path("key").asText(""));
            if (project == null) {
                return Reply.of(SimResponse.jiraError(400, List.of(), Map.of("project", "Specify a valid project ID or key")));
            }
            if (!fields.has("issuetype")) {
                return Reply.of(SimResponse.jiraError(400, List.of(), Map.of("issuetype", "Specify an issue type")));
            }
            SimIssue draft = new SimIssue(0, project, 0, config.clock().instant());
            draft.priority = "Medium";
            Map<String, String> errors = new LinkedHashMap<>();
            List<Runnable> changes = new ArrayList<>();
            fields.properties().forEach(entry -> {
                String field = entry.getKey();
                JsonNode value = entry.getValue();
                String problem = switch (field) {
                    case "project" -> null;
                    case "summary" -> summary(draft, value, changes);
                    case "issuetype" -> issueType(draft, value, changes);
                    case "priority" -> priority(draft, value, changes);
                    case "assignee" -> assignee(draft, value, changes);
                    default -> field.equals(config.storyPointsField()) ? storyPoints(draft, value, changes)
                            : field.equals(config.sprintField()) ? null
                            : "Field '" + field + "' cannot be set. It is not on the appropriate screen, or unknown.";
                };
                if (problem != null) {
                    errors.put(field, problem);
                }
            });
            changes.forEach(Runnable::run);
            if (draft.summary == null && !errors.containsKey("summary")) {
                errors.put("summary", "You must specify a summary of the issue.");
            }
            SimSprint sprint = null;
            JsonNode sprintValue = fields.path(config.sprintField());
            if (!sprintValue.isMissingNode() && !sprintValue.isNull()) {
                sprint = sprintValue.canConvertToLong() ? data.sprints.get(sprintValue.asLong()) : null;
                if (sprint == null) {
                    errors.put(config.sprintField(), "Sprint with id " + sprintValue.asText() + " does not exist.");
                }
            }
            if (!errors.isEmpty()) {
                return Reply.of(SimResponse.jiraError(400, List.of(), errors));
            }
            Instant now = data.writeTime(config.clock().instant());
            SimIssue issue = data.create(project, now);
            issue.summary = draft.summary;
            issue.type = draft.type;
            issue.priority = draft.priority;
            issue.assignee = draft.assignee;
            issue.storyPoints = draft.storyPoints;
            issue.status = SimWorkflow.TO_DO;
            issue.updated = now;
            if (sprint != null) {
                data.moveToSprint(issue, sprint);
            }
            request.path("properties").forEach(property -> issue.properties.put(property.path("key").asText(), property.path("value")));
            return Reply.json(201, JSON.objectNode().put("id", String.valueOf(issue.id)).put("key", issue.key)
                    .put("self", baseUrl + (config.cloud() ? "/rest/api/3" : "/rest/api/2") + "/issue/" + issue.id));
        });
    }

    /** Cloud {@code ?query=} matches display names and e-mails; Data Center {@code ?username=} names, display names and e-mails. */
    private Reply userSearch(Map<String, String> params) {
        String text = (config.cloud() ? params.getOrDefault("query", "") : params.getOrDefault("username", "")).toLowerCase(Locale.ROOT);
        if (text.isBlank()) {
            return Reply.of(SimResponse.jiraError(400, "The query parameter is required."));
        }
        ArrayNode users = JSON.arrayNode();
        read(() -> {
            data.people.stream().filter(person -> person.displayName().toLowerCase(Locale.ROOT).contains(text)
                            || person.email().toLowerCase(Locale.ROOT).startsWith(text)
                            || person.name().toLowerCase(Locale.ROOT).startsWith(text))
                    .limit(Long.parseLong(params.getOrDefault("maxResults", "50"))).forEach(person -> users.add(json.user(person)));
            return null;
        });
        return Reply.json(200, users);
    }

    private static String priority(SimIssue issue, JsonNode value, List<Runnable> changes) {
        String name = value.path("name").asText(null);
        if (name == null && value.has("id")) {
            name = PRIORITIES.stream().filter(p -> SimJson.priorityId(p).equals(value.path("id").asText())).findFirst().orElse(null);
        }
        if (name == null || !PRIORITIES.contains(name)) {
            return "The priority selected is invalid.";
        }
        String chosen = name;
        changes.add(() -> issue.priority = chosen);
        return null;
    }

    private String assignee(SimIssue issue, JsonNode value, List<Runnable> changes) {
        if (value.isNull()) {
            changes.add(() -> issue.assignee = null);
            return null;
        }
        SimPerson person = config.cloud() ? data.personByAccountId(value.path("accountId").asText("")) : data.personByName(value.path("name").asText(""));
        if (person == null) {
            return config.cloud() ? "Specified user does not exist or you do not have required permissions"
                    : "User '" + value.path("name").asText("") + "' does not exist.";
        }
        changes.add(() -> issue.assignee = person);
        return null;
    }

    private static String storyPoints(SimIssue issue, JsonNode value, List<Runnable> changes) {
        if (value.isNull()) {
            changes.add(() -> issue.storyPoints = null);
            return null;
        }
        if (!value.isNumber()) {
            return "Operation value must be a number";
        }
        BigDecimal points = value.decimalValue();
        changes.add(() -> issue.storyPoints = points);
        return null;
    }

    private String sprint(SimIssue issue, JsonNode value, List<Runnable> changes) {
        if (value.isNull()) {
            changes.add(() -> data.moveToSprint(issue, null));
            return null;
        }
        SimSprint sprint = value.canConvertToLong() ? data.sprints.get(value.asLong()) : null;
        if (sprint == null) {
            return "Sprint with id " + value.asText() + " does not exist.";
        }
        if (sprint.state.equals("closed")) {
            return "Issue can be assigned only active or future sprints.";
        }
        changes.add(() -> data.moveToSprint(issue, sprint));
        return null;
    }

    private Reply transition(String key, byte[] body) {
        JsonNode request = readJson(body);
        String id = request == null ? null : request.path("transition").path("id").asText(null);
        if (id == null) {
            return Reply.of(SimResponse.jiraError(400, "Missing 'transition' identifier"));
        }
        return write(() -> issueOr404(key, issue -> {
            SimWorkflow.Transition chosen = SimWorkflow.from(issue.status).stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
            if (chosen == null) {
                return Reply.of(SimResponse.jiraError(400, "Transition id '" + id + "' is not valid for this issue."));
            }
            issue.status = chosen.to();
            issue.updated = data.writeTime(config.clock().instant());
            return Reply.noContent();
        }));
    }

    /**
     * {@code POST /rest/agile/1.0/sprint/{id}}: only what is sent changes. A closed sprint takes only a
     * new name and goal on Cloud and nothing on Data Center; a future sprint starts only with both
     * dates; an active one closes; an end before the start is refused.
     */
    private Reply updateSprint(long id, byte[] body) {
        JsonNode request = readJson(body);
        if (request == null || !request.isObject()) {
            return Reply.of(SimResponse.jiraError(400, "Invalid request payload."));
        }
        return write(() -> {
            SimSprint sprint = data.sprints.get(id);
            if (sprint == null) {
                return Reply.of(SimResponse.jiraError(404, "Sprint does not exist or you do not have permission to see it."));
            }
            if (deniedBoards.contains(sprint.board.id())) {
                return Reply.of(SimResponse.jiraError(403, "You do not have the permission to change sprint " + id + "."));
            }
            boolean closed = sprint.state.equals("closed");
            if (closed && !config.cloud()) {
                return Reply.of(SimResponse.jiraError(400, "Sprints that are in a closed state cannot be updated."));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            String name = request.has("name") ? request.path("name").asText("") : sprint.name;
            if (name.isBlank()) {
                errors.put("name", "The sprint name cannot be empty.");
            }
            String goal = request.has("goal") ? request.path("goal").asText("") : sprint.goal;
            Instant start = sprint.start;
            Instant end = sprint.end;
            String state = sprint.state;
            if (!closed) {
                start = date(request, "startDate", start, errors);
                end = date(request, "endDate", end, errors);
                state = request.has("state") ? request.path("state").asText("").toLowerCase(Locale.ROOT) : state;
            }
            if (start != null && end != null && end.isBefore(start)) {
                errors.put("endDate", "The sprint end date must be after the start date.");
            }
            if (!errors.isEmpty()) {
                return Reply.of(SimResponse.jiraError(400, List.of(), errors));
            }
            if (!state.equals(sprint.state)) {
                if (sprint.state.equals("future") && state.equals("active")) {
                    if (start == null || end == null) {
                        return Reply.of(SimResponse.jiraError(400, "A sprint can only be started once it has a start date and an end date."));
                    }
                } else if (!(sprint.state.equals("active") && state.equals("closed"))) {
                    return Reply.of(SimResponse.jiraError(400, "A sprint's state can only change from future to active, or from active to closed."));
                }
            }
            if (state.equals("closed") && !sprint.state.equals("closed")) {
                sprint.complete = config.clock().instant();
            }
            sprint.name = name;
            sprint.goal = goal.isEmpty() ? null : goal;
            sprint.start = start;
            sprint.end = end;
            sprint.state = state;
            data.writeTime(config.clock().instant());
            return Reply.json(200, json.sprint(sprint));
        });
    }

    private static Instant date(JsonNode request, String field, Instant current, Map<String, String> errors) {
        if (!request.has(field)) {
            return current;
        }
        try {
            return JiraTimestamps.parse(request.path(field).asText(""));
        } catch (DateTimeParseException e) {
            errors.put(field, "The date '" + request.path(field).asText("") + "' is not valid.");
            return current;
        }
    }

    // ---- Helpers ----

    private <T> T read(Supplier<T> action) {
        data.lock.readLock().lock();
        try {
            return action.get();
        } finally {
            data.lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        data.lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            data.lock.writeLock().unlock();
        }
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode error(List<String> messages, Map<String, String> fields) {
        ObjectNode body = JSON.objectNode();
        messages.forEach(body.putArray("errorMessages")::add);
        ObjectNode errors = body.putObject("errors");
        fields.forEach(errors::put);
        return body;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            params.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    // ---- By hand ----

    /**
     * Starts a simulator and serves until Ctrl+C. Options: {@code --port=8089}, {@code --deployment=cloud|data-center},
     * {@code --seed=1}, {@code --issues=10000}, {@code --latency-ms=0}, {@code --time-zone=Europe/Berlin}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        JiraDeployment deployment = switch (options.getOrDefault("deployment", "cloud").toLowerCase(Locale.ROOT)) {
            case "cloud" -> JiraDeployment.CLOUD;
            case "data-center", "datacenter", "dc", "server" -> JiraDeployment.DATA_CENTER;
            default -> throw new IllegalArgumentException("--deployment is cloud or data-center: " + options.get("deployment"));
        };
        SimulatorConfig config = SimulatorConfig.of(deployment, Long.parseLong(options.getOrDefault("seed", "1")),
                        Integer.parseInt(options.getOrDefault("issues", "10000")))
                .withPort(Integer.parseInt(options.getOrDefault("port", "8089")))
                .withLatency(Duration.ofMillis(Long.parseLong(options.getOrDefault("latency-ms", "0"))))
                .withUserTimeZone(ZoneId.of(options.getOrDefault("time-zone", "Europe/Berlin")));
        JiraSimulator simulator = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        PrintStream out = System.out;
        String api = deployment == JiraDeployment.CLOUD ? "/rest/api/3" : "/rest/api/2";
        out.printf("JIRA simulator: %s with %,d issues in %d projects, %d boards and %d sprints (seed %d)%n", deployment.label(),
                simulator.issueCount(), simulator.projectKeys().size(), simulator.boardIds().size(), simulator.sprintCount(), config.seed());
        out.println("  Base URL:    " + simulator.baseUrl());
        out.println("  Deployment:  " + deployment.wire());
        if (deployment == JiraDeployment.CLOUD) {
            out.println("  E-mail:      " + config.user());
            out.println("  API token:   " + config.token());
            out.println("  Try:         curl -u " + config.user() + ":" + config.token() + " " + simulator.baseUrl() + api + "/myself");
        } else {
            out.println("  User:        " + config.user());
            out.println("  PAT:         " + config.token() + "   (or the password " + config.password() + ")");
            out.println("  Try:         curl -H 'Authorization: Bearer " + config.token() + "' " + simulator.baseUrl() + api + "/myself");
        }
        out.println("  Projects:    " + String.join(", ", simulator.projectKeys()) + "; boards " + simulator.boardIds());
        out.println("  Time zone:   " + config.userTimeZone() + (config.latency().isZero() ? "" : "; latency " + config.latency().toMillis() + " ms"));
        out.println("  Connect:     SYNCDESK_JIRA_TOKEN=" + config.token() + " java -jar target/syncdesk.jar jira connect --jira-url "
                + simulator.baseUrl() + " --deployment " + (deployment == JiraDeployment.CLOUD ? "cloud" : "datacenter") + " --jira-user "
                + config.user() + " --board " + simulator.boardIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        out.println("Serving until Ctrl+C.");
        out.flush();
        stopped.await();
    }

    @Override
    public String toString() {
        return "JiraSimulator[" + config.deployment().label() + " at " + baseUrl + ", " + Arrays.asList(config.seed(), config.issues()) + "]";
    }
}
