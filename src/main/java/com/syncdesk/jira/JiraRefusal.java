package com.syncdesk.jira;

/**
 * SyncDesk declined to work with JIRA and changed nothing: no connection is configured, no secret is
 * at hand, or the connection test found the site unusable. The message says why and what to do.
 */
public final class JiraRefusal extends RuntimeException {

    public JiraRefusal(String message) {
        super(message);
    }

    public JiraRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
