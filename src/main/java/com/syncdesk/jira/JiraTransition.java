package com.syncdesk.jira;

/** A workflow transition open to an issue in its current status. */
public record JiraTransition(String id, String name, JiraStatus to) {
}
