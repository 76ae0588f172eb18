package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.JiraFailure.Kind;
import com.syncdesk.jira.sim.SimResponse;

/** Every kind of failure is told to the operator in words, after as many requests as it deserves. */
class JiraFailuresTest {

    private static JiraFailure failure(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(JiraFailure.class);
        return (JiraFailure) thrown;
    }

    private static JiraClient open(TestJira jira, JiraSite site, Secret secret) {
        return JiraClient.open(site, secret, JiraClientOptions.defaults().withClock(jira.clock)).observedBy(jira.counter);
    }

    @Test
    void kindsSayWhetherWaitingMayHelpAndHowTheyAreGrouped() {
        assertThat(Arrays.stream(Kind.values()).filter(Kind::isTransient)).containsExactly(Kind.RATE_LIMITED, Kind.SERVER, Kind.NETWORK);
        assertThat(Kind.AUTH.label()).isEqualTo("authentication");
        assertThat(Kind.NOT_JIRA.label()).isEqualTo("not JIRA");
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aRefusedTokenStopsAtOnceAfterOneRequest(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50); JiraClient client = open(jira, jira.sim.site(), Secret.of("not-the-token"))) {
            JiraFailure failure = failure(client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.AUTH);
            assertThat(failure.status()).isEqualTo(401);
            assertThat(failure.getMessage()).isEqualTo(deployment == JiraDeployment.CLOUD
                    ? "JIRA refused the API token for ops@example.com: it may have been revoked or have expired, or it belongs to another e-mail address."
                    : "JIRA refused the personal access token of ops: it may have been revoked or have expired.");
            assertThat(jira.requests()).isEqualTo(1);
            assertThat(jira.clock.sleeps()).isEmpty();
        }
    }

    @Test
    void aRefusedPasswordSaysSo() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50);
             JiraClient client = open(jira, jira.sim.passwordSite(), Secret.of("not-the-password"))) {
            assertThat(failure(client::myself).getMessage()).isEqualTo("JIRA refused the user name or password for ops.");
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @Test
    void dataCenterTakesAUserAndPasswordToo() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50); JiraClient client = open(jira, jira.sim.passwordSite(), jira.sim.password())) {
            assertThat(client.myself().name()).isEqualTo("ops");
            assertThat(jira.sim.requests()).extracting(r -> r.auth().name()).containsExactly("BASIC");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aTokenRevokedMidRunFailsTheNextCallWithoutRetrying(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.client.myself();
            jira.sim.revokeToken();

            JiraFailure failure = failure(() -> jira.client.searchIssues(Jql.project("PAY")).hasNext());

            assertThat(failure.kind()).isEqualTo(Kind.AUTH);
            assertThat(failure.resource()).isEqualTo("the field list");
            assertThat(jira.requests()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aForbiddenBoardNamesTheBoardAndTheUser(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.denyBoard(2);

            JiraFailure failure = failure(() -> jira.client.board(2));

            assertThat(failure.kind()).isEqualTo(Kind.AUTH);
            assertThat(failure.status()).isEqualTo(403);
            assertThat(failure.getMessage()).isEqualTo(jira.sim.config().user() + " lacks the permission to see board 2 in JIRA (HTTP 403): "
                    + "ask a JIRA administrator for it. JIRA said: You do not have the permission to view board 2.");
            assertThat(jira.requests()).isEqualTo(1);
            assertThat(jira.client.board(1).id()).as("other boards still answer").isEqualTo(1);
        }
    }

    @Test
    void aCaptchaAfterFailedLogInsIsExplained() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50)) {
            jira.sim.when("GET", ".*/myself").reply(SimResponse.jiraError(403, "CAPTCHA required")
                    .withHeader("X-Authentication-Denied-Reason", "CAPTCHA_CHALLENGE; login-url=http://jira/login.jsp"));

            JiraFailure failure = failure(jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.AUTH);
            assertThat(failure.getMessage()).isEqualTo("JIRA wants ops to answer a CAPTCHA after failed log-ins: log in to JIRA once in a "
                    + "browser, then try again.");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aDeletedIssueIsNotFound(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.deleteIssue("PAY-3");

            JiraFailure failure = failure(() -> jira.client.issue("PAY-3"));

            assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(failure.getMessage()).isEqualTo("Issue PAY-3 was not found in JIRA: it may have been deleted, or "
                    + jira.sim.config().user() + " may not be allowed to see it. JIRA said: Issue does not exist or you do not have permission to see it.");
            assertThat(jira.sim.requestCount("GET", ".*/issue/PAY-3")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aRefusedEditCarriesJirasFieldMessages(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            JiraFailure failure = failure(() -> jira.client.updateIssue("PAY-1", IssueUpdate.create().summary(" ").priority("Urgent")));

            assertThat(failure.kind()).isEqualTo(Kind.VALIDATION);
            assertThat(failure.getMessage()).isEqualTo("JIRA refused the request for issue PAY-1: summary: You must specify a summary of the "
                    + "issue.; priority: The priority selected is invalid.");
            assertThat(failure.fieldErrors()).containsOnlyKeys("summary", "priority");
            assertThat(jira.sim.requestCount("PUT", ".*/issue/PAY-1")).isEqualTo(1);
            assertThat(jira.sim.issue("PAY-1").summary()).as("nothing changed").isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aConflictIsReportedWithoutRetrying(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("PUT", ".*/issue/PAY-1").reply(SimResponse.conflict("The issue was changed by someone else."));

            JiraFailure failure = failure(() -> jira.client.updateIssue("PAY-1", IssueUpdate.create().summary("Renamed")));

            assertThat(failure.kind()).isEqualTo(Kind.CONFLICT);
            assertThat(failure.getMessage()).isEqualTo("JIRA reported a conflicting change on issue PAY-1 (HTTP 409): reload it and try again. "
                    + "JIRA said: The issue was changed by someone else.");
            assertThat(jira.sim.requestCount("PUT", ".*/issue/PAY-1")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anHtmlPageWhereJsonWasExpectedIsNotJira(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("GET", ".*/myself").reply(SimResponse.html(200, "Log in", "Please sign in to continue."));

            JiraFailure failure = failure(jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.NOT_JIRA);
            assertThat(failure.getMessage()).isEqualTo(jira.sim.baseUrl() + " answered the request for your JIRA user with a web page "
                    + "instead of JIRA's JSON (HTTP 200). Check the JIRA address, including any context path such as /jira; a proxy or a "
                    + "login page may be in the way.");
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @Test
    void aRedirectIsNotFollowedButExplained() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", ".*/myself").reply(new SimResponse(302, Map.of("Location", "https://id.example.com/login"), null, new byte[0]));

            JiraFailure failure = failure(jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.NOT_JIRA);
            assertThat(failure.getMessage()).contains("redirected the request for your JIRA user to https://id.example.com/login (HTTP 302)");
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void brokenJsonIsAProtocolFailure(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("POST", "/rest/api/(2/search|3/search/jql)").reply(SimResponse.malformedJson());

            JiraFailure failure = failure(() -> jira.client.searchIssues(Jql.project("PAY")).hasNext());

            assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(failure.getMessage()).isEqualTo("JIRA's answer for the issue search is not valid JSON; it may have been cut off, or it "
                    + "does not come from JIRA.");
            assertThat(jira.sim.requestCount("POST", "/rest/api/(2/search|3/search/jql)")).isEqualTo(1);
        }
    }

    @Test
    void textThatIsNeitherJsonNorHtmlIsAProtocolFailure() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50)) {
            jira.sim.when("GET", ".*/field").reply(SimResponse.garbage());

            JiraFailure failure = failure(jira.client::fields);

            assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(failure.getMessage()).startsWith("JIRA's answer for the field list is not valid JSON");
        }
    }

    @Test
    void aRemovedApiIsAProtocolFailureWithJirasWords() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("POST", "/rest/api/3/search/jql").reply(SimResponse.removedSearchApi());

            JiraFailure failure = failure(() -> jira.client.searchIssues(Jql.project("PAY")).hasNext());

            assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(failure.status()).isEqualTo(410);
            assertThat(failure.getMessage()).startsWith("JIRA no longer offers the API SyncDesk called for the issue search (HTTP 410). "
                    + "JIRA said: The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
        }
    }

    @Test
    void aRefusedConnectionIsANetworkFailureAfterTheAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FakeClock clock = new FakeClock(TestJira.START);
        JiraCallCounter counter = new JiraCallCounter();
        try (JiraClient client = JiraClient.open(JiraSite.cloud("http://127.0.0.1:" + closedPort, "ops@example.com"), Secret.of("token"),
                JiraClientOptions.defaults().withClock(clock).withMaxAttempts(3))) {
            JiraFailure failure = failure(() -> client.observedBy(counter).myself());

            assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
            assertThat(failure.getMessage()).isEqualTo("Could not connect to JIRA at 127.0.0.1: the connection was refused (3 attempts). "
                    + "Check the address and that JIRA is running.");
            assertThat(counter.requests()).isEqualTo(3);
            assertThat(clock.sleeps()).hasSize(2);
        }
    }

    @Test
    void anUnknownHostIsNotRetried() {
        FakeClock clock = new FakeClock(TestJira.START);
        JiraCallCounter counter = new JiraCallCounter();
        try (JiraClient client = JiraClient.open(JiraSite.cloud("https://no-such-host.invalid", "ops@example.com"), Secret.of("token"),
                JiraClientOptions.defaults().withClock(clock))) {
            JiraFailure failure = failure(() -> client.observedBy(counter).myself());

            assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
            assertThat(failure.getMessage()).isEqualTo("The host name no-such-host.invalid could not be found: check the JIRA address and the "
                    + "network (DNS).");
            assertThat(counter.requests()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aDroppedConnectionIsRetriedAndTheCallSucceeds(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("GET", ".*/myself").times(2).dropConnection();

            assertThat(jira.client.myself().displayName()).isEqualTo("SyncDesk Operator");
            assertThat(jira.requests()).isEqualTo(3);
            assertThat(jira.counter.requests()).isEqualTo(3);
            assertThat(jira.waits).extracting(JiraWait::reason).containsExactly(JiraWait.Reason.NETWORK, JiraWait.Reason.NETWORK);
        }
    }

    @Test
    void aConnectionDroppedEveryTimeIsANetworkFailure() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50, options -> options.withMaxAttempts(4))) {
            jira.sim.when("GET", ".*/myself").dropConnection();

            JiraFailure failure = failure(jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
            assertThat(failure.getMessage()).startsWith("The connection to JIRA at 127.0.0.1 broke during the request for your JIRA user (4 attempts): ");
            assertThat(jira.requests()).isEqualTo(4);
        }
    }

    @Test
    void aTransitionIsNotSentAgainAfterAServerError() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("POST", ".*/issue/PAY-1/transitions").reply(SimResponse.serverError(500));

            JiraFailure failure = failure(() -> jira.client.transition("PAY-1", "11"));

            assertThat(failure.kind()).isEqualTo(Kind.SERVER);
            assertThat(failure.getMessage()).isEqualTo("JIRA failed with HTTP 500 for issue PAY-1; SyncDesk did not send it again because JIRA "
                    + "may have applied it already. JIRA said: Internal server error");
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @Test
    void aSlowAnswerRunsIntoTheReadTimeout() throws InterruptedException {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50,
                options -> options.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).withMaxAttempts(2))) {
            jira.sim.when("GET", ".*/myself").delay(Duration.ofMillis(1_500));

            long started = System.nanoTime();
            JiraFailure failure = failure(jira.client::myself);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_400));
            assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
            assertThat(failure.getMessage()).isEqualTo("JIRA at 127.0.0.1 did not answer the request for your JIRA user within 300 ms (2 attempts).");
            assertThat(jira.counter.requests()).isEqualTo(2);
        }
    }

    @Test
    void aSlowAnswerWithinTheTimeoutArrives() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50,
                options -> options.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)))) {
            jira.sim.when("GET", ".*/myself").delay(Duration.ofMillis(400));

            assertThat(jira.client.myself().name()).isEqualTo("ops");
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @Test
    void whatJiraEchoesOfTheTokenIsRedacted() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            String token = jira.sim.config().token();
            jira.sim.when("GET", ".*/myself").reply(SimResponse.badRequest(Map.of("Authorization", "Basic ops@example.com:" + token),
                    "Bad header: ops@example.com:" + token));

            JiraFailure failure = failure(jira.client::myself);

            assertThat(failure.getMessage()).contains("[redacted]").doesNotContain(token);
            assertThat(failure.jiraMessages()).containsExactly("Bad header: ops@example.com:[redacted]");
            assertThat(failure.fieldErrors()).containsEntry("Authorization", "Basic ops@example.com:[redacted]");
        }
    }

    @Test
    void aJsonAnswerOfTheWrongShapeIsAProtocolFailure() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", ".*/myself").reply(SimResponse.jiraError(200, "not a user"));

            assertThatThrownBy(jira.client::myself).isInstanceOfSatisfying(JiraFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL);
                assertThat(failure.getMessage()).isEqualTo("JIRA's answer for your JIRA user is not what SyncDesk expects: the user has "
                        + "neither an accountId nor a name.");
            });
        }
    }
}
