package com.syncdesk.jira;

import java.time.Duration;

/**
 * One HTTP request to JIRA, retries counting each: what a sync run adds up as its API calls.
 *
 * @param resource what was asked for, in words ("issue PAY-12", "the issue search")
 * @param attempt  1 for the first try of a call, 2 for its first retry, …
 * @param status   the HTTP status, or 0 when no answer came (timeout, connection refused or reset)
 */
public record JiraExchange(String method, String path, String resource, int attempt, int status, Duration elapsed) {
}
