package com.syncdesk.jira.sim;

import java.time.Duration;

/**
 * A request the simulator received, for tests to assert on.
 *
 * @param query       the raw query string, or empty
 * @param bodySummary the first 300 characters of the body
 * @param status      what was answered; 0 when the connection was dropped
 * @param userAgent   the client's {@code User-Agent}
 * @param gzipped     whether the answer went gzip-encoded
 */
public record LoggedRequest(String method, String path, String query, String bodySummary, AuthKind auth, String userAgent, int status,
                            Duration elapsed, boolean gzipped) {

    /** How the request signed in. */
    public enum AuthKind {
        NONE, BASIC, BEARER, OTHER
    }

    /** "POST /rest/api/3/search/jql → 200". */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " → " + status;
    }
}
