package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.JiraFailure.Kind;
import com.syncdesk.jira.sim.SimResponse;

/** Rate limits are waited out at least as long as JIRA asks, through the clock, and announced; other 5xx back off with jitter. */
class JiraRateLimitTest {

    private static final String MYSELF = ".*/myself";

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void retryAfterZeroStillWaitsTheMinimumThenSucceeds(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.rateLimited(0));

            assertThat(jira.client.myself().displayName()).isEqualTo("SyncDesk Operator");

            assertThat(jira.requests()).isEqualTo(2);
            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofSeconds(1));
            assertThat(jira.waits).extracting(JiraWait::describe).containsExactly("Waiting 1 s because JIRA rate-limited us (your JIRA user).");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void retryAfterIsWaitedOutInFullThenTheCallSucceeds(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.rateLimited(7));

            jira.client.myself();

            assertThat(jira.requests()).isEqualTo(2);
            assertThat(jira.clock.slept()).isEqualTo(Duration.ofSeconds(7));
            assertThat(jira.counter.waited()).isEqualTo(Duration.ofSeconds(7));
            assertThat(jira.waits).singleElement().satisfies(wait -> {
                assertThat(wait.reason()).isEqualTo(JiraWait.Reason.RATE_LIMITED);
                assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(7));
                assertThat(wait.describe()).isEqualTo("Waiting 7 s because JIRA rate-limited us (your JIRA user).");
            });
        }
    }

    @Test
    void rateLimitResetIsWaitedFor() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.rateLimitedUntil(TestJira.START.plus(Duration.ofMinutes(3))));

            jira.client.myself();

            assertThat(jira.clock.slept()).isEqualTo(Duration.ofMinutes(3));
            assertThat(jira.requests()).isEqualTo(2);
        }
    }

    @Test
    void theLongerOfRetryAfterAndResetWins() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", MYSELF).nth(1)
                    .reply(SimResponse.rateLimitedUntil(TestJira.START.plus(Duration.ofMinutes(2))).withHeader("Retry-After", "5"));

            jira.client.myself();

            assertThat(jira.clock.slept()).isEqualTo(Duration.ofMinutes(2));
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aRateLimitThatNeverLiftsFailsAfterTheBoundedAttempts(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50, options -> options.withMaxAttempts(3))) {
            jira.sim.when("GET", MYSELF).reply(SimResponse.rateLimited(2));

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(failure.getMessage()).isEqualTo("JIRA kept rate-limiting SyncDesk for your JIRA user after 3 attempts; the sync can try "
                    + "again later. JIRA said: Rate limit exceeded.");
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(jira.requests()).isEqualTo(3);
            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        }
    }

    @Test
    void aWaitLongerThanSyncDeskMakesFailsAtOnce() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", MYSELF).reply(SimResponse.rateLimited(3_600));

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(failure.getMessage()).isEqualTo("JIRA rate-limited SyncDesk for your JIRA user and asks to wait 60 min, longer than "
                    + "SyncDesk waits (10 min); the sync can try again later.");
            assertThat(jira.requests()).isEqualTo(1);
            assertThat(jira.clock.sleeps()).isEmpty();
        }
    }

    /** The wait holds the whole site: the next call waits it out even when the limited call gave up. */
    @Test
    void aRateLimitHoldsTheNextCallToo() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50, options -> options.withMaxAttempts(1))) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.rateLimited(30));

            assertThat(catchThrowableOfType(JiraFailure.class, jira.client::myself).kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(jira.clock.sleeps()).isEmpty();

            jira.client.fields();

            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofSeconds(30));
            assertThat(jira.waits).extracting(JiraWait::describe).containsExactly("Waiting 30 s because JIRA rate-limited us (the field list).");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void nearTheLimitTheNextRequestsSlowDown(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50,
                options -> options.withRateLimitWaits(Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofMillis(750)))) {
            jira.client.myself();
            assertThat(jira.clock.sleeps()).as("no warning yet").isEmpty();
            jira.sim.when("GET", MYSELF).nth(1).header("X-RateLimit-NearLimit", "true");

            jira.client.myself();
            jira.client.fields();
            jira.client.fields();

            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofMillis(750));
            assertThat(jira.waits).extracting(JiraWait::describe)
                    .containsExactly("Slowing down for 750 ms: JIRA says we are close to its rate limit (the field list).");
            assertThat(jira.requests()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void unavailableWithRetryAfterIsWaitedOut(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50)) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.unavailable(4));

            jira.client.myself();

            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofSeconds(4));
            assertThat(jira.requests()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void serverErrorsBackOffWithJitterThenGiveUp(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50,
                options -> options.withMaxAttempts(4).withBackoff(Duration.ofMillis(500), Duration.ofMillis(1_500)))) {
            jira.sim.when("GET", MYSELF).reply(SimResponse.serverError(502));

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.SERVER);
            assertThat(failure.getMessage()).isEqualTo("JIRA failed with HTTP 502 for your JIRA user after 4 attempts. JIRA said: Internal server error");
            assertThat(jira.requests()).isEqualTo(4);
            List<Duration> sleeps = jira.clock.sleeps();
            assertThat(sleeps).hasSize(3);
            assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
            assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(1_000));
            assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(1_500));
            assertThat(jira.waits).extracting(JiraWait::reason).containsOnly(JiraWait.Reason.SERVER_ERROR);
        }
    }

    /** Full jitter draws each backoff anew: over many tries they spread, they are not one fixed delay. */
    @Test
    void backoffsAreSpreadNotFixed() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50,
                options -> options.withMaxAttempts(30).withBackoff(Duration.ofSeconds(8), Duration.ofSeconds(8)))) {
            jira.sim.when("GET", MYSELF).reply(SimResponse.serverError(500));

            catchThrowableOfType(JiraFailure.class, jira.client::myself);

            List<Duration> sleeps = jira.clock.sleeps();
            assertThat(sleeps).hasSize(29).allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(Duration.ofSeconds(8)));
            assertThat(sleeps.stream().distinct().count()).isGreaterThan(20);
            assertThat(Collections.max(sleeps).minus(Collections.min(sleeps))).isGreaterThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aPassingServerErrorIsRetriedAndTheCallSucceeds() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50)) {
            jira.sim.when("GET", MYSELF).times(2).reply(SimResponse.serverError(500));

            assertThat(jira.client.myself().name()).isEqualTo("ops");
            assertThat(jira.requests()).isEqualTo(3);
        }
    }

    @Test
    void dataCentersHtmlRateLimitPageIsWaitedOut() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50)) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.dataCenterRateLimitPage(2));

            assertThat(jira.client.myself().name()).isEqualTo("ops");
            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofSeconds(2));
            assertThat(jira.requests()).isEqualTo(2);
        }
    }

    @Test
    void dataCentersLimiterWithoutRetryAfterIsGivenOneRefill() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50)) {
            jira.sim.when("GET", MYSELF).nth(1).reply(SimResponse.html(429, "Too many requests", "Slow down.")
                    .withHeader("X-RateLimit-FillRate", "2").withHeader("X-RateLimit-Interval-Seconds", "6").withHeader("X-RateLimit-Remaining", "0"));

            jira.client.myself();

            assertThat(jira.clock.sleeps()).containsExactly(Duration.ofSeconds(3));
        }
    }

    @Test
    void aDataCenterLimiterPageThatNeverLiftsIsARateLimitNotAWebPage() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50, options -> options.withMaxAttempts(2))) {
            jira.sim.when("GET", MYSELF).reply(SimResponse.dataCenterRateLimitPage(1));

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, jira.client::myself);

            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(failure.getMessage()).startsWith("JIRA kept rate-limiting SyncDesk for your JIRA user after 2 attempts");
        }
    }
}
