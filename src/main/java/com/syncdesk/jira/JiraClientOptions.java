package com.syncdesk.jira;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JiraClient} talks to JIRA: timeouts, retries, concurrency and paging.
 *
 * @param connectTimeout  to open a connection
 * @param readTimeout     per request, from sending it to the last byte of the answer
 * @param maxAttempts     tries per request, the first included, before a failure is reported
 * @param maxInFlight     requests in flight at once against the site, across all threads
 * @param pageSize        issues asked for per search page (JIRA Cloud serves at most 100)
 * @param agilePageSize   boards or sprints asked for per page (JIRA serves at most 50)
 * @param pageCap         pages one listing may take before SyncDesk stops it as a runaway
 * @param backoffBase     first backoff after a server error or network failure; doubles per attempt, with full jitter
 * @param backoffCap      the longest backoff
 * @param minRetryWait    the shortest wait after a rate limit, also when JIRA says {@code Retry-After: 0}
 * @param maxRetryWait    a rate limit asking for a longer wait fails at once instead of blocking the sync
 * @param nearLimitPause  the pause before the next request after JIRA said {@code X-RateLimit-NearLimit: true}
 */
public record JiraClientOptions(Duration connectTimeout, Duration readTimeout, int maxAttempts, int maxInFlight, int pageSize,
                                int agilePageSize, int pageCap, Duration backoffBase, Duration backoffCap, Duration minRetryWait,
                                Duration maxRetryWait, Duration nearLimitPause, JiraClock clock) {

    public JiraClientOptions {
        Objects.requireNonNull(clock, "clock");
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(backoffBase, "backoffBase");
        positive(backoffCap, "backoffCap");
        positive(minRetryWait, "minRetryWait");
        positive(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(nearLimitPause, "nearLimitPause");
        if (maxAttempts < 1 || maxInFlight < 1 || pageSize < 1 || agilePageSize < 1 || pageCap < 1) {
            throw new IllegalArgumentException("Attempts, requests in flight, page sizes and the page cap must be at least 1");
        }
    }

    public static JiraClientOptions defaults() {
        return new JiraClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 4, 100, 50, 10_000, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(1), JiraClock.SYSTEM);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (!duration.isPositive()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    public JiraClientOptions withTimeouts(Duration connect, Duration read) {
        return new JiraClientOptions(connect, read, maxAttempts, maxInFlight, pageSize, agilePageSize, pageCap, backoffBase, backoffCap,
                minRetryWait, maxRetryWait, nearLimitPause, clock);
    }

    public JiraClientOptions withMaxAttempts(int attempts) {
        return new JiraClientOptions(connectTimeout, readTimeout, attempts, maxInFlight, pageSize, agilePageSize, pageCap, backoffBase,
                backoffCap, minRetryWait, maxRetryWait, nearLimitPause, clock);
    }

    public JiraClientOptions withMaxInFlight(int requests) {
        return new JiraClientOptions(connectTimeout, readTimeout, maxAttempts, requests, pageSize, agilePageSize, pageCap, backoffBase,
                backoffCap, minRetryWait, maxRetryWait, nearLimitPause, clock);
    }

    public JiraClientOptions withPaging(int searchPageSize, int agilePage, int cap) {
        return new JiraClientOptions(connectTimeout, readTimeout, maxAttempts, maxInFlight, searchPageSize, agilePage, cap, backoffBase,
                backoffCap, minRetryWait, maxRetryWait, nearLimitPause, clock);
    }

    public JiraClientOptions withBackoff(Duration base, Duration cap) {
        return new JiraClientOptions(connectTimeout, readTimeout, maxAttempts, maxInFlight, pageSize, agilePageSize, pageCap, base, cap,
                minRetryWait, maxRetryWait, nearLimitPause, clock);
    }

    public JiraClientOptions withRateLimitWaits(Duration min, Duration max, Duration nearLimit) {
        return new JiraClientOptions(connectTimeout, readTimeout, maxAttempts, maxInFlight, pageSize, agilePageSize, pageCap, backoffBase,
                backoffCap, min, max, nearLimit, clock);
    }

    public JiraClientOptions withClock(JiraClock time) {
        return new JiraClientOptions(connectTimeout, readTimeout, maxAttempts, maxInFlight, pageSize, agilePageSize, pageCap, backoffBase,
                backoffCap, minRetryWait, maxRetryWait, nearLimitPause, time);
    }
}
