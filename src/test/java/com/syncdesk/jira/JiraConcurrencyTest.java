package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.syncdesk.jira.sim.SimResponse;

/** All threads share one cap on requests in flight per site, and every request is counted, retries included. */
class JiraConcurrencyTest {

    private static void fetchFromSixteenThreads(TestJira jira, JiraClient client) throws Exception {
        List<String> keys = jira.sim.keysFor(Jql.project("PAY")).subList(0, 48);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<JiraIssue>> fetched = new ArrayList<>();
            for (String key : keys) {
                fetched.add(threads.submit(() -> client.issue(key)));
            }
            for (int i = 0; i < keys.size(); i++) {
                assertThat(fetched.get(i).get().key()).isEqualTo(keys.get(i));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void neverMoreThanFourRequestsAreInFlightAgainstTheSite(JiraDeployment deployment) throws Exception {
        try (TestJira jira = TestJira.start(deployment, 200)) {
            jira.client.fieldMap();
            jira.sim.when("GET", ".*/issue/.*").delay(Duration.ofMillis(40));
            jira.sim.resetStats();

            fetchFromSixteenThreads(jira, jira.client);

            assertThat(jira.sim.maxConcurrentRequests()).isEqualTo(4);
            assertThat(jira.requests()).isEqualTo(48);
        }
    }

    /** Views share their client's cap: one per entity still adds up to four in flight for the site. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void viewsShareTheirClientsCap(int maxInFlight) throws Exception {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 200, options -> options.withMaxInFlight(maxInFlight))) {
            jira.client.fieldMap();
            jira.sim.when("GET", ".*/issue/.*").delay(Duration.ofMillis(20));
            jira.sim.resetStats();

            fetchFromSixteenThreads(jira, jira.client.observedBy(new JiraCallCounter()));

            assertThat(jira.sim.maxConcurrentRequests()).isEqualTo(maxInFlight);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void everyRequestIsCountedRetriesIncluded(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 250)) {
            JiraCallCounter run = new JiraCallCounter();
            JiraCallCounter entity = new JiraCallCounter();
            jira.sim.when("GET", ".*/issue/PAY-1").nth(1).reply(SimResponse.rateLimited(1));
            jira.sim.when("GET", ".*/issue/PAY-1").nth(2).reply(SimResponse.serverError(502));
            JiraClient perRun = jira.client.observedBy(run);

            perRun.searchIssues(Jql.projects(jira.sim.projectKeys())).forEachRemaining(issue -> { });
            perRun.observedBy(entity).issue("PAY-1");

            assertThat(entity.requests()).isEqualTo(3);
            assertThat(entity.retries()).isEqualTo(2);
            assertThat(run.requests()).as("the field list, three search pages and the issue's three").isEqualTo(1 + 3 + 3);
            assertThat(run.requests()).isEqualTo(jira.requests());
            assertThat(jira.counter.requests()).isEqualTo(jira.requests());
        }
    }
}
