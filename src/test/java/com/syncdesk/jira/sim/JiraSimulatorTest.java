package com.syncdesk.jira.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.demo.DemoVocabulary;
import com.syncdesk.jira.JiraClient;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraDeployment;
import com.syncdesk.jira.JiraFailure;
import com.syncdesk.jira.JiraIssue;
import com.syncdesk.jira.PageIterator;
import com.syncdesk.persistence.Json;

/** The simulator: seeded like the demo data, deterministic, its JQL subset exact, its refusals in JIRA's shape, and fast at scale. */
class JiraSimulatorTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-30T12:00:00Z");

    private static JiraSimulator start(JiraDeployment deployment, int issues) {
        return JiraSimulator.start(SimulatorConfig.of(deployment, 42, issues).withAnchor(ANCHOR));
    }

    private static String describe(JiraSimulator sim, String key) {
        SimIssue issue = sim.issue(key);
        return String.join("|", issue.key(), issue.summary(), issue.status(), issue.priority(), String.valueOf(issue.assignee()),
                String.valueOf(issue.storyPoints()), String.valueOf(issue.sprintId()), issue.updated().toString());
    }

    @Test
    void theSameSeedAndSizeGiveTheSameSite() {
        try (JiraSimulator first = start(JiraDeployment.CLOUD, 3_000); JiraSimulator second = start(JiraDeployment.DATA_CENTER, 3_000)) {
            List<String> keys = first.keysFor("project in (PAY, WEB, MOB) ORDER BY key ASC");

            assertThat(second.keysFor("project in (PAY, WEB, MOB) ORDER BY key ASC")).isEqualTo(keys);
            assertThat(keys).hasSize(3_000).allSatisfy(key -> assertThat(describe(second, key)).isEqualTo(describe(first, key)));
            assertThat(second.sprintsOf(1)).extracting(SimSprint::name, SimSprint::goal)
                    .isEqualTo(first.sprintsOf(1).stream().map(s -> Tuple.tuple(s.name(), s.goal())).toList());
        }
    }

    @Test
    void speaksTheDemoDatasVocabulary() {
        try (JiraSimulator sim = start(JiraDeployment.CLOUD, 2_000)) {
            assertThat(sim.projectKeys()).containsExactly(DemoVocabulary.projectKey(1), DemoVocabulary.projectKey(2), DemoVocabulary.projectKey(3));
            Set<String> summaries = new HashSet<>();
            DemoVocabulary.VERBS.forEach(verb -> DemoVocabulary.OBJECTS.forEach(object -> summaries.add(verb + " " + object)));
            for (String key : sim.keysFor("project in (PAY, WEB, MOB)")) {
                SimIssue issue = sim.issue(key);
                assertThat(summaries).contains(issue.summary());
                assertThat(DemoVocabulary.STATUSES).contains(issue.status());
                assertThat(DemoVocabulary.PRIORITIES).contains(issue.priority());
                if (issue.assignee() != null) {
                    assertThat(DemoVocabulary.PEOPLE).contains(issue.assignee());
                }
            }
            assertThat(sim.sprintsOf(1)).allSatisfy(sprint -> {
                assertThat(sprint.name()).startsWith("PAY Sprint ");
                assertThat(DemoVocabulary.GOALS).contains(sprint.goal());
            });
        }
    }

    /** The benchmark's shape: 100,000 issues in five boards (four scrum, one kanban) and 200 sprints. */
    @Test
    void seedsAHundredThousandIssuesInFiveBoardsAndTwoHundredSprints() {
        long started = System.nanoTime();
        try (JiraSimulator sim = start(JiraDeployment.CLOUD, 100_000)) {
            Duration seeding = Duration.ofNanos(System.nanoTime() - started);

            assertThat(sim.issueCount()).isEqualTo(100_000);
            assertThat(sim.boardIds()).hasSize(5);
            assertThat(sim.sprintCount()).isEqualTo(200);
            assertThat(sim.sprintsOf(5)).as("the fifth board is kanban").isEmpty();
            for (long board = 1; board <= 4; board++) {
                List<SimSprint> sprints = sim.sprintsOf(board);
                assertThat(sprints).hasSize(50);
                assertThat(sprints.getLast().state()).isEqualTo("future");
                assertThat(sprints.get(48).state()).isEqualTo("active");
                assertThat(sprints.subList(0, 48)).allMatch(sprint -> sprint.state().equals("closed"));
            }
            assertThat(seeding).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void theJqlSubsetFindsExactlyWhatItSays() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(42, 3_000).withAnchor(ANCHOR).withUserTimeZone(berlin))) {
            List<SimIssue> all = sim.keysFor("project in (PAY, WEB, MOB)").stream().map(sim::issue).toList();
            long sprint = sim.sprintsOf(1).getFirst().id();
            long other = sim.sprintsOf(2).get(1).id();
            Instant since = LocalDateTime.parse("2026-11-10T08:30").atZone(berlin).toInstant();

            assertThat(sim.keysFor("project = PAY")).isEqualTo(keys(all, issue -> issue.projectKey().equals("PAY")));
            assertThat(sim.keysFor("project in (\"PAY\", 'MOB')")).isEqualTo(keys(all, issue -> !issue.projectKey().equals("WEB")));
            assertThat(sim.keysFor("sprint = " + sprint)).isNotEmpty().isEqualTo(keys(all, issue -> Long.valueOf(sprint).equals(issue.sprintId())));
            assertThat(sim.keysFor("sprint in (" + sprint + ", " + other + ")"))
                    .isEqualTo(keys(all, issue -> issue.sprintId() != null && List.of(sprint, other).contains(issue.sprintId())));
            assertThat(sim.keysFor("project = PAY AND sprint is EMPTY")).isNotEmpty()
                    .isEqualTo(keys(all, issue -> issue.projectKey().equals("PAY") && issue.sprintId() == null));
            assertThat(sim.keysFor("project = PAY AND sprint is not EMPTY"))
                    .isEqualTo(keys(all, issue -> issue.projectKey().equals("PAY") && issue.sprintId() != null));
            assertThat(sim.keysFor("key in (PAY-3, \"WEB-1\", MOB-2)")).containsExactly("MOB-2", "PAY-3", "WEB-1");
            assertThat(sim.keysFor("project in (PAY, WEB, MOB) AND updated >= \"2026/11/10 08:30\""))
                    .isNotEmpty().isEqualTo(keys(all, issue -> !issue.updated().isBefore(since)));
            assertThat(sim.keysFor("project in (PAY, WEB, MOB) AND updated >= \"2026-11-10 08:30\" AND updated < '2026/11/20'"))
                    .isEqualTo(keys(all, issue -> !issue.updated().isBefore(since)
                            && issue.updated().isBefore(LocalDateTime.parse("2026-11-20T00:00").atZone(berlin).toInstant())));
        }
    }

    @Test
    void ordersByUpdatedThenKey() {
        try (JiraSimulator sim = start(JiraDeployment.CLOUD, 1_000)) {
            List<SimIssue> ascending = sim.keysFor("project = PAY ORDER BY updated ASC, key ASC").stream().map(sim::issue).toList();
            List<SimIssue> descending = sim.keysFor("project = PAY ORDER BY updated DESC").stream().map(sim::issue).toList();

            assertThat(ascending).isSortedAccordingTo(Comparator.comparing(SimIssue::updated));
            assertThat(descending).isSortedAccordingTo(Comparator.comparing(SimIssue::updated).reversed());
            assertThat(sim.keysFor("project = PAY")).as("no ORDER BY: key order").startsWith("PAY-1", "PAY-2", "PAY-3");
        }
    }

    private static List<String> keys(List<SimIssue> issues, Predicate<SimIssue> filter) {
        return issues.stream().filter(filter).map(SimIssue::key).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "project = PAY OR project = WEB",
            "status = Done",
            "colour = red",
            "project = NOPE",
            "project = PAY AND updated >= \"30.11.2026\"",
            "project = PAY ORDER BY summary",
            "project = PAY AND sprint = \"PAY Sprint 2\"",
            "project != PAY",
            "ORDER BY key"})
    void jqlOutsideTheSubsetIsRefusedInJirasShape(String jql) throws Exception {
        try (JiraSimulator sim = start(JiraDeployment.CLOUD, 100)) {
            HttpResponse<String> answer = post(sim, "/rest/api/3/search/jql", "{\"jql\":" + Json.write(jql) + ",\"maxResults\":10}");

            assertThat(answer.statusCode()).isEqualTo(400);
            JsonNode body = Json.read(answer.body());
            assertThat(body.path("errorMessages")).hasSize(1);
            assertThat(body.path("errors").isObject()).isTrue();
        }
    }

    @Test
    void theConnectorReportsRefusedJqlAsValidation() {
        try (JiraSimulator sim = start(JiraDeployment.DATA_CENTER, 100);
             JiraClient client = JiraClient.open(sim.site(), sim.token(), JiraClientOptions.defaults())) {
            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> client.searchIssues("colour = red").hasNext());

            assertThat(failure.kind()).isEqualTo(JiraFailure.Kind.VALIDATION);
            assertThat(failure.getMessage()).isEqualTo("JIRA refused the request for the issue search: Field 'colour' does not exist or you do "
                    + "not have permission to view it.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rest/api/3/search", "/rest/api/2/search"})
    void cloudAnswersTheRemovedSearchApiWith410(String path) throws Exception {
        try (JiraSimulator sim = start(JiraDeployment.CLOUD, 100)) {
            HttpResponse<String> answer = post(sim, path, "{\"jql\":\"project = PAY\"}");

            assertThat(answer.statusCode()).isEqualTo(410);
            assertThat(Json.read(answer.body()).path("errorMessages").get(0).asText())
                    .startsWith("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithJirasBody() throws Exception {
        try (JiraSimulator sim = start(JiraDeployment.CLOUD, 100); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/rest/api/3/myself"))
                    .header("Authorization", "Bearer " + sim.config().token()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("Cloud takes no bearer token").isEqualTo(401);
            assertThat(Json.read(answer.body()).path("errorMessages").get(0).asText()).isEqualTo("Client must be authenticated to access this resource.");
            assertThat(sim.requests()).singleElement().satisfies(request -> assertThat(request.auth()).isEqualTo(LoggedRequest.AuthKind.BEARER));
        }
    }

    /** A full sync's search: every issue, 100 a page, through the connector. */
    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aFullSearchOfAHundredThousandIssuesIsFast(JiraDeployment deployment) {
        try (JiraSimulator sim = start(deployment, 100_000);
             JiraClient client = JiraClient.open(sim.site(), sim.token(), JiraClientOptions.defaults().withPaging(100, 50, 10_000))) {
            String jql = "project in (" + String.join(", ", sim.projectKeys()) + ") ORDER BY updated ASC, key ASC";
            long started = System.nanoTime();
            PageIterator<JiraIssue> issues = client.searchIssues(jql);
            List<String> firstKeys = new ArrayList<>();
            int count = 0;
            while (issues.hasNext()) {
                JiraIssue issue = issues.next();
                if (count++ < 3) {
                    firstKeys.add(issue.key());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            double serverMillis = sim.requests().stream().filter(r -> r.path().contains("/search")).mapToLong(r -> r.elapsed().toNanos())
                    .average().orElse(0) / 1e6;
            System.out.printf("JIRA simulator, %s: %,d issues in %d pages in %d ms (%,.0f issues/s; %.1f ms a page, %.1f ms of it in the "
                    + "simulator)%n", deployment.label(), count, issues.pagesFetched(), took.toMillis(), count / (took.toNanos() / 1e9),
                    took.toNanos() / 1e6 / issues.pagesFetched(), serverMillis);
            assertThat(count).isEqualTo(100_000);
            assertThat(issues.pagesFetched()).isEqualTo(1_000);
            assertThat(firstKeys).isEqualTo(sim.keysFor(jql).subList(0, 3));
            assertThat(took).isLessThan(Duration.ofSeconds(90));
        }
    }

    private static HttpResponse<String> post(JiraSimulator sim, String path, String json) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((sim.config().user() + ":" + sim.config().token()).getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
