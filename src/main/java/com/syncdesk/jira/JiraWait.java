package com.syncdesk.jira;

import java.time.Duration;

/**
 * A pause the client makes before its next request, so the console can show a countdown.
 *
 * @param resource what the waiting request is for
 */
public record JiraWait(Duration duration, Reason reason, String resource) {

    public enum Reason {
        /** 429, or 503 with {@code Retry-After}: JIRA said how long to wait. */
        RATE_LIMITED,
        /** {@code X-RateLimit-NearLimit: true}: slowing down before JIRA refuses. */
        NEAR_LIMIT,
        /** A 5xx: backing off before the next try. */
        SERVER_ERROR,
        /** A timeout or broken connection: backing off before the next try. */
        NETWORK
    }

    /** "Waiting 30 s because JIRA rate-limited us (issue PAY-12)." */
    public String describe() {
        String time = formatted(duration);
        return switch (reason) {
            case RATE_LIMITED -> "Waiting " + time + " because JIRA rate-limited us (" + resource + ").";
            case NEAR_LIMIT -> "Slowing down for " + time + ": JIRA says we are close to its rate limit (" + resource + ").";
            case SERVER_ERROR -> "Waiting " + time + " before trying again: JIRA answered with a server error (" + resource + ").";
            case NETWORK -> "Waiting " + time + " before trying again: the connection to JIRA failed (" + resource + ").";
        };
    }

    static String formatted(Duration duration) {
        if (duration.toMillis() < 1_000) {
            return duration.toMillis() + " ms";
        }
        long seconds = (duration.toMillis() + 999) / 1_000;
        return seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }
}
