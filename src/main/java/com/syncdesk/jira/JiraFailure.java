package com.syncdesk.jira;

import java.util.List;
import java.util.Map;

/**
 * A call to JIRA that failed, classified for the operator. The message is in plain words, names the
 * resource and the user, carries JIRA's own messages where it gave any, and never the secret.
 */
public final class JiraFailure extends RuntimeException {

    public enum Kind {
        /** JIRA kept answering 429 (or asked for a longer wait than SyncDesk makes). */
        RATE_LIMITED("rate limit", true),
        /** 401 (the secret was refused) or 403 (a permission is missing); never retried. */
        AUTH("authentication", false),
        /** 404: deleted in JIRA, or invisible to the user. */
        NOT_FOUND("not found", false),
        /** 400: JIRA refused the values; its field messages are in the text. */
        VALIDATION("validation", false),
        /** 409: JIRA reported a conflicting change. */
        CONFLICT("conflict", false),
        /** 5xx, after the retries. */
        SERVER("server error", true),
        /** Timeouts, refused or reset connections, DNS and TLS failures. */
        NETWORK("network", true),
        /** An HTML page where JIRA's JSON was expected: a wrong address, a proxy or a login page. */
        NOT_JIRA("not JIRA", false),
        /** An answer SyncDesk cannot use: broken JSON, a removed API (410), endless paging. */
        PROTOCOL("protocol", false);

        private final String label;
        private final boolean transientFailure;

        Kind(String label, boolean transientFailure) {
            this.label = label;
            this.transientFailure = transientFailure;
        }

        /** The group name in error statistics: "rate limit", "authentication", …. */
        public String label() {
            return label;
        }

        /** True when the same call may well succeed later without anyone changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final int status;
    private final String resource;
    private final int attempts;
    private final List<String> jiraMessages;
    private final Map<String, String> fieldErrors;

    JiraFailure(Kind kind, String message, int status, String resource, int attempts, List<String> jiraMessages,
                Map<String, String> fieldErrors, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.resource = resource;
        this.attempts = attempts;
        this.jiraMessages = List.copyOf(jiraMessages);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    /** What to show the operator; the same as {@link #getMessage()}. */
    public String operatorMessage() {
        return getMessage();
    }

    /** The HTTP status of the last answer, or 0 when none came. */
    public int status() {
        return status;
    }

    /** What the failed call was for: "issue PAY-12", "board 7", "the issue search". */
    public String resource() {
        return resource;
    }

    /** HTTP requests made for the call, retries included. */
    public int attempts() {
        return attempts;
    }

    /** JIRA's {@code errorMessages}, redacted. */
    public List<String> jiraMessages() {
        return jiraMessages;
    }

    /** JIRA's {@code errors}: field id to message, redacted. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
