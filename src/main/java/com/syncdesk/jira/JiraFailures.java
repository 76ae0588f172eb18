package com.syncdesk.jira;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.jira.JiraFailure.Kind;
import com.syncdesk.persistence.Json;

/**
 * Turns what went wrong into a {@link JiraFailure} an operator understands: which resource, which
 * user, what JIRA said, what to do. Anything JIRA echoes back is redacted of the secret first.
 */
final class JiraFailures {

    private final JiraSite site;
    private final Secret secret;
    private final JiraClientOptions options;

    JiraFailures(JiraSite site, Secret secret, JiraClientOptions options) {
        this.site = site;
        this.secret = secret;
        this.options = options;
    }

    /** JIRA's error body, {@code {"errorMessages":[…],"errors":{"field":"message"}}}, or what could be read of it. */
    record ErrorBody(List<String> messages, Map<String, String> fields, boolean html) {

        String text() {
            List<String> parts = new ArrayList<>();
            fields.forEach((field, message) -> parts.add(field + ": " + message));
            parts.addAll(messages);
            return String.join("; ", parts);
        }
    }

    ErrorBody errorBody(HttpHeaders headers, byte[] body) {
        if (looksLikeHtml(headers, body)) {
            return new ErrorBody(List.of(), Map.of(), true);
        }
        List<String> messages = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                json.path("errorMessages").forEach(message -> addText(messages, message.asText()));
                json.path("errors").properties().forEach(entry -> fields.put(entry.getKey(), redact(entry.getValue().asText())));
                if (json.hasNonNull("message")) {
                    addText(messages, json.get("message").asText());
                }
            }
        } catch (IOException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                addText(messages, text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
        }
        return new ErrorBody(messages, fields, false);
    }

    private void addText(List<String> messages, String text) {
        if (text != null && !text.isBlank()) {
            messages.add(redact(text.strip()));
        }
    }

    static boolean looksLikeHtml(HttpHeaders headers, byte[] body) {
        String type = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '<';
    }

    String redact(String text) {
        return secret.occursIn(text) ? text.replace(secret.reveal(), "[redacted]") : text;
    }

    /** A final answer that is not a success. */
    JiraFailure forStatus(JiraCall call, int status, HttpHeaders headers, byte[] body, int attempts) {
        ErrorBody error = errorBody(headers, body);
        String said = error.text().isEmpty() ? "" : " JIRA said: " + error.text();
        if (status >= 300 && status < 400) {
            String location = headers.firstValue("Location").orElse("another address");
            return failure(Kind.NOT_JIRA, call, status, attempts, error, null, site.baseUrl() + " redirected the request for " + call.resource()
                    + " to " + location + " (HTTP " + status + "). Use JIRA's own address as the base URL; a login page or proxy may be in the way.");
        }
        // A proxy's or limiter's page on a refusal, a rate limit or a server error still means what its status says.
        if (error.html() && status != 401 && status != 403 && status != 429 && status < 500) {
            return notJira(call, status, attempts);
        }
        return switch (status) {
            case 401 -> failure(Kind.AUTH, call, status, attempts, error, null, refusedSecret());
            case 403 -> headers.firstValue("X-Authentication-Denied-Reason").filter(reason -> reason.toUpperCase(Locale.ROOT).contains("CAPTCHA")).isPresent()
                    ? failure(Kind.AUTH, call, status, attempts, error, null, "JIRA wants " + site.who() + " to answer a CAPTCHA after failed log-ins: "
                    + "log in to JIRA once in a browser, then try again.")
                    : failure(Kind.AUTH, call, status, attempts, error, null, site.who() + " lacks the permission to "
                    + (call.change() ? "change " : "see ") + call.resource() + " in JIRA (HTTP 403): ask a JIRA administrator for it." + said);
            case 404 -> failure(Kind.NOT_FOUND, call, status, attempts, error, null, capitalized(call.resource())
                    + " was not found in JIRA: it may have been deleted, or " + site.who() + " may not be allowed to see it." + said);
            case 400 -> failure(Kind.VALIDATION, call, status, attempts, error, null, "JIRA refused the request for " + call.resource()
                    + (error.text().isEmpty() ? " (HTTP 400)." : ": " + error.text()));
            case 409 -> failure(Kind.CONFLICT, call, status, attempts, error, null, "JIRA reported a conflicting change on " + call.resource()
                    + " (HTTP 409): reload it and try again." + said);
            case 410 -> failure(Kind.PROTOCOL, call, status, attempts, error, null, "JIRA no longer offers the API SyncDesk called for "
                    + call.resource() + " (HTTP 410)." + said);
            case 429 -> failure(Kind.RATE_LIMITED, call, status, attempts, error, null, "JIRA kept rate-limiting SyncDesk for " + call.resource()
                    + " after " + attempts + " attempts; the sync can try again later." + said);
            default -> status >= 500
                    ? failure(Kind.SERVER, call, status, attempts, error, null, "JIRA failed with HTTP " + status + " for " + call.resource()
                    + (call.idempotent() || attempts > 1 ? " after " + attempts + (attempts == 1 ? " attempt." : " attempts.")
                    : "; SyncDesk did not send it again because JIRA may have applied it already.") + (error.html() ? "" : said))
                    : failure(Kind.PROTOCOL, call, status, attempts, error, null, "JIRA refused the request for " + call.resource()
                    + " with HTTP " + status + "." + said);
        };
    }

    /** A rate limit that asks for a longer wait than SyncDesk makes. */
    JiraFailure rateLimitTooLong(JiraCall call, int status, Duration wait, int attempts) {
        return failure(Kind.RATE_LIMITED, call, status, attempts, null, null, "JIRA rate-limited SyncDesk for " + call.resource()
                + " and asks to wait " + JiraWait.formatted(wait) + ", longer than SyncDesk waits (" + JiraWait.formatted(options.maxRetryWait())
                + "); the sync can try again later.");
    }

    private String refusedSecret() {
        return switch (site.authScheme()) {
            case API_TOKEN -> "JIRA refused the API token for " + site.user() + ": it may have been revoked or have expired, "
                    + "or it belongs to another e-mail address.";
            case PERSONAL_ACCESS_TOKEN -> "JIRA refused the personal access token" + (site.user() == null ? "" : " of " + site.user())
                    + ": it may have been revoked or have expired.";
            case PASSWORD -> "JIRA refused the user name or password for " + site.user() + ".";
        };
    }

    JiraFailure notJira(JiraCall call, int status, int attempts) {
        return failure(Kind.NOT_JIRA, call, status, attempts, null, null, site.baseUrl() + " answered the request for " + call.resource()
                + " with a web page instead of JIRA's JSON (HTTP " + status + "). Check the JIRA address, including any context path "
                + "such as /jira; a proxy or a login page may be in the way.");
    }

    JiraFailure brokenJson(JiraCall call, int status, int attempts, IOException cause) {
        return failure(Kind.PROTOCOL, call, status, attempts, null, cause, "JIRA's answer for " + call.resource()
                + " is not valid JSON; it may have been cut off, or it does not come from JIRA.");
    }

    JiraFailure unexpectedShape(JiraCall call, String what) {
        return failure(Kind.PROTOCOL, call, 200, 1, null, null, "JIRA's answer for " + call.resource() + " is not what SyncDesk expects: "
                + what + ".");
    }

    /** A change this site cannot take, refused before anything is sent. */
    JiraFailure cannotChange(String resource, String why) {
        return new JiraFailure(Kind.VALIDATION, capitalized(resource) + " cannot be changed that way: " + why + ".", 0, resource, 0,
                List.of(), Map.of(), null);
    }

    JiraFailure runawayPaging(String resource, String why) {
        return new JiraFailure(Kind.PROTOCOL, "JIRA " + why + " for " + resource + "; SyncDesk stopped the listing so it does not "
                + "go on forever. Narrow the query, or raise the page limit if the data really is that large.", 200, resource, 0,
                List.of(), Map.of(), null);
    }

    /** A request that got no answer: timeout, refused, reset, DNS, TLS. */
    JiraFailure network(JiraCall call, Throwable cause, int attempts) {
        String host = site.baseUrl().getHost();
        String tries = attempts > 1 ? " (" + attempts + " attempts)" : "";
        String message;
        if (cause instanceof HttpConnectTimeoutException) {
            message = "Could not connect to JIRA at " + host + " within " + JiraWait.formatted(options.connectTimeout()) + tries
                    + ": check the address and the network.";
        } else if (cause instanceof HttpTimeoutException) {
            message = "JIRA at " + host + " did not answer the request for " + call.resource() + " within "
                    + JiraWait.formatted(options.readTimeout()) + tries + ".";
        } else if (isUnknownHost(cause)) {
            message = "The host name " + host + " could not be found: check the JIRA address and the network (DNS).";
        } else if (cause instanceof SSLException) {
            message = "The secure connection to " + host + " failed: " + cause.getMessage()
                    + ". The server's certificate may not be trusted by this Java installation.";
        } else if (cause instanceof ConnectException) {
            message = "Could not connect to JIRA at " + host + ": the connection was refused" + tries
                    + ". Check the address and that JIRA is running.";
        } else if (cause instanceof InterruptedException) {
            message = "The request for " + call.resource() + " was interrupted.";
        } else {
            message = "The connection to JIRA at " + host + " broke during the request for " + call.resource() + tries + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ".";
        }
        return failure(Kind.NETWORK, call, 0, attempts, null, cause, message);
    }

    static boolean isUnknownHost(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private JiraFailure failure(Kind kind, JiraCall call, int status, int attempts, ErrorBody error, Throwable cause, String message) {
        return new JiraFailure(kind, redact(message), status, call.resource(), attempts, error == null ? List.of() : error.messages(),
                error == null ? Map.of() : error.fields(), cause);
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
