package com.syncdesk.jira;

/** A JIRA project ({@code GET …/project/{key}}); {@code projectTypeKey} is software, business, …. */
public record JiraProject(String id, String key, String name, String projectTypeKey) {
}
