package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.sim.LoggedRequest;

/** Listings come a page at a time, and stop where they should whatever JIRA's paging says. */
class JiraPagingTest {

    private static final String SEARCH = "/rest/api/(2/search|3/search/jql)";

    private static String everything(TestJira jira) {
        return Jql.projects(jira.sim.projectKeys()) + " " + Jql.ORDER_BY_UPDATED;
    }

    private static List<String> keys(PageIterator<JiraIssue> issues) {
        List<String> keys = new ArrayList<>();
        issues.forEachRemaining(issue -> keys.add(issue.key()));
        return keys;
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void fetchesThePagesOnlyAsTheyAreConsumed(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 250)) {
            PageIterator<JiraIssue> issues = jira.client.searchIssues(everything(jira));
            for (int i = 0; i < 5; i++) {
                issues.next();
            }
            assertThat(jira.sim.requestCount("*", SEARCH)).isEqualTo(1);
            assertThat(issues.pagesFetched()).isEqualTo(1);

            long rest = issues.stream().count();

            assertThat(rest).isEqualTo(245);
            assertThat(jira.sim.requestCount("*", SEARCH)).as("250 issues at 100 a page").isEqualTo(3);
        }
    }

    @Test
    void cloudPagesWithNextPageTokenThroughSearchJql() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 250)) {
            List<String> keys = keys(jira.client.searchIssues(everything(jira)));

            assertThat(keys).isEqualTo(jira.sim.keysFor(everything(jira)));
            List<LoggedRequest> searches = jira.sim.requests().stream().filter(r -> r.path().matches(SEARCH)).toList();
            assertThat(searches).extracting(LoggedRequest::method, LoggedRequest::path)
                    .containsOnly(Tuple.tuple("POST", "/rest/api/3/search/jql"));
            assertThat(searches.get(0).bodySummary()).doesNotContain("nextPageToken");
            assertThat(searches.get(1).bodySummary()).contains("nextPageToken");
        }
    }

    @Test
    void dataCenterPagesWithStartAtThroughSearch() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 250)) {
            List<String> keys = keys(jira.client.searchIssues(everything(jira)));

            assertThat(keys).isEqualTo(jira.sim.keysFor(everything(jira)));
            List<LoggedRequest> searches = jira.sim.requests().stream().filter(r -> r.path().matches(SEARCH)).toList();
            assertThat(searches).extracting(LoggedRequest::path).containsOnly("/rest/api/2/search");
            assertThat(searches).extracting(LoggedRequest::bodySummary)
                    .anyMatch(body -> body.contains("\"startAt\":0")).anyMatch(body -> body.contains("\"startAt\":200"));
        }
    }

    /** Exactly two pages of 100, and nothing after: JIRA says so through a missing token or the total. */
    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anExactMultipleOfThePageSizeTakesNoExtraRequest(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 400)) {
            String jql = Jql.keys(jira.sim.keysFor(everything(jira)).subList(0, 200)) + " " + Jql.ORDER_BY_UPDATED;

            assertThat(keys(jira.client.searchIssues(jql))).hasSize(200);
            assertThat(jira.sim.requestCount("*", SEARCH)).isEqualTo(2);
        }
    }

    /** Cloud hands a token on the last full page, then an empty page that carries a token too: the empty page ends it. */
    @Test
    void cloudStopsAtAnEmptyPageEvenWhenItCarriesAToken() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 400)) {
            jira.sim.endWithAnEmptyPage();
            String jql = Jql.keys(jira.sim.keysFor(everything(jira)).subList(0, 200)) + " " + Jql.ORDER_BY_UPDATED;

            assertThat(keys(jira.client.searchIssues(jql))).hasSize(200);
            assertThat(jira.sim.requestCount("*", SEARCH)).as("two full pages and the empty one").isEqualTo(3);
        }
    }

    /** Data Center's total counts issues deleted since: the page after the last is empty and ends the listing. */
    @Test
    void dataCenterStopsAtAnEmptyPageBeforeTheTotal() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 400)) {
            jira.sim.overstateTotal(150);
            String jql = Jql.keys(jira.sim.keysFor(everything(jira)).subList(0, 200)) + " " + Jql.ORDER_BY_UPDATED;

            assertThat(keys(jira.client.searchIssues(jql))).hasSize(200);
            assertThat(jira.sim.requestCount("*", SEARCH)).isEqualTo(3);
        }
    }

    @Test
    void cloudIgnoresALyingIsLast() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 250)) {
            jira.sim.lieAboutIsLast();

            assertThat(keys(jira.client.searchIssues(everything(jira)))).hasSize(250);
            assertThat(jira.sim.requestCount("*", SEARCH)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void followsAServerThatServesSmallerPagesThanAskedFor(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 250)) {
            jira.sim.capSearchPageSize(30);

            assertThat(keys(jira.client.searchIssues(everything(jira)))).isEqualTo(jira.sim.keysFor(everything(jira)));
            assertThat(jira.sim.requestCount("*", SEARCH)).as("250 issues at 30 a page").isEqualTo(9);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void failsLoudlyWhenAListingOutgrowsThePageCap(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 250, options -> options.withPaging(10, 50, 2))) {
            PageIterator<JiraIssue> issues = jira.client.searchIssues(everything(jira));

            assertThatThrownBy(() -> keys(issues)).isInstanceOfSatisfying(JiraFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(JiraFailure.Kind.PROTOCOL);
                assertThat(failure.getMessage()).isEqualTo("JIRA still had more pages after 2 for the issue search; SyncDesk stopped the "
                        + "listing so it does not go on forever. Narrow the query, or raise the page limit if the data really is that large.");
            });
            assertThat(jira.sim.requestCount("*", SEARCH)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void sprintsAndBoardsArePagedWithStartAt(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 5_000)) {
            jira.sim.capAgilePageSize(3);
            long board = jira.sim.boardIds().getFirst();
            int sprints = jira.sim.sprintsOf(board).size();

            List<JiraSprint> listed = new ArrayList<>();
            jira.client.sprints(board).forEachRemaining(listed::add);

            assertThat(listed).extracting(JiraSprint::id).containsExactlyElementsOf(jira.sim.sprintsOf(board).stream().map(s -> s.id()).toList());
            assertThat(jira.sim.requestCount("GET", "/rest/agile/1.0/board/" + board + "/sprint")).isEqualTo((sprints + 2) / 3);
            List<JiraBoard> boards = new ArrayList<>();
            jira.client.boards(jira.sim.projectKeys().getFirst()).forEachRemaining(boards::add);
            assertThat(boards).extracting(JiraBoard::id).containsExactly(board);
        }
    }

    /** Cloud removed /rest/api/2|3/search: nothing the connector does may call it. */
    @Test
    void cloudNeverCallsTheRemovedSearchApi() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 300)) {
            new JiraConnectionCheck(jira.client).run();
            keys(jira.client.searchIssues(everything(jira)));
            jira.client.boards("PAY").forEachRemaining(board -> jira.client.sprints(board.id()).forEachRemaining(sprint -> { }));
            jira.client.boardIssueCount(1);
            jira.client.updateIssue("PAY-1", IssueUpdate.create().summary("Renamed"));
            jira.client.transitions("PAY-1");
            jira.client.issue("PAY-1");
            jira.client.project("PAY");

            assertThat(jira.sim.requestCount("*", "/rest/api/(2|3)/search")).isZero();
            assertThat(jira.sim.requestCount("POST", "/rest/api/3/search/jql")).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void answersComeGzippedAndAreUnpacked(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 250)) {
            assertThat(keys(jira.client.searchIssues(everything(jira)))).hasSize(250);

            List<LoggedRequest> searches = jira.sim.requests().stream().filter(r -> r.path().matches(SEARCH)).toList();
            assertThat(searches).isNotEmpty().allMatch(LoggedRequest::gzipped);
            assertThat(searches).extracting(LoggedRequest::userAgent).containsOnly("SyncDesk/dev (+java.net.http)");
        }
    }
}
