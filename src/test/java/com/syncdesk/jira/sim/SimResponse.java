package com.syncdesk.jira.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.persistence.Json;

/** A canned answer a {@link SimRule} gives instead of the simulated site's own. */
public record SimResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

    /** JIRA Cloud's own words when the removed search API is called (CHANGE-2046). */
    static final String REMOVED_SEARCH = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
            + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    private static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** JIRA's error shape, {@code {"errorMessages":[…],"errors":{…}}}. */
    public static SimResponse jiraError(int status, List<String> messages, Map<String, String> fieldErrors) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        messages.forEach(body.putArray("errorMessages")::add);
        ObjectNode errors = body.putObject("errors");
        fieldErrors.forEach(errors::put);
        return new SimResponse(status, Map.of(), "application/json;charset=UTF-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse jiraError(int status, String message) {
        return jiraError(status, List.of(message), Map.of());
    }

    /** 429 with {@code Retry-After} in seconds, as JIRA Cloud's limiter answers. */
    public static SimResponse rateLimited(int retryAfterSeconds) {
        return jiraError(429, "Rate limit exceeded.").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** 429 with only {@code X-RateLimit-Reset}, in the documented {@code yyyy-MM-ddTHH:mmZ} form (rounded up to the minute). */
    public static SimResponse rateLimitedUntil(Instant reset) {
        Instant minute = reset.truncatedTo(ChronoUnit.MINUTES);
        return jiraError(429, "Rate limit exceeded.").withHeader("X-RateLimit-Reset", RESET.format(minute.isBefore(reset) ? minute.plus(Duration.ofMinutes(1)) : minute));
    }

    /** Data Center's rate limiter: an HTML page with its token-bucket headers. */
    public static SimResponse dataCenterRateLimitPage(int retryAfterSeconds) {
        return html(429, "Too many requests", "You have exceeded the rate limit. Wait a moment and try again.")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withHeader("X-RateLimit-Limit", "100")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-FillRate", "10")
                .withHeader("X-RateLimit-Interval-Seconds", "1");
    }

    public static SimResponse unavailable(int retryAfterSeconds) {
        return jiraError(503, "JIRA is under maintenance.").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    public static SimResponse serverError(int status) {
        return jiraError(status, "Internal server error");
    }

    public static SimResponse conflict(String message) {
        return jiraError(409, message);
    }

    public static SimResponse badRequest(Map<String, String> fieldErrors, String... messages) {
        return jiraError(400, List.of(messages), fieldErrors);
    }

    /** An HTML page, as a proxy, a login page or a limiter sends. */
    public static SimResponse html(int status, String title, String text) {
        String page = "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + text + "</p></body></html>";
        return new SimResponse(status, Map.of(), "text/html;charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON cut off in the middle. */
    public static SimResponse malformedJson() {
        return new SimResponse(200, Map.of(), "application/json;charset=UTF-8",
                "{\"issues\":[{\"id\":\"10001\",\"key\":\"PAY-1\",\"fields\":{\"summary\":\"Fix lo".getBytes(StandardCharsets.UTF_8));
    }

    /** Text that is neither JSON nor HTML. */
    public static SimResponse garbage() {
        return new SimResponse(200, Map.of(), "text/plain", "OK 0x3f 0x1a\u0000 ¯\\_(ツ)_/¯".getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse removedSearchApi() {
        return jiraError(410, REMOVED_SEARCH);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, more, contentType, body);
    }
}
