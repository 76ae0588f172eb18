package com.syncdesk.jira;

/** How SyncDesk proves who it is to JIRA; the secret itself lives in a {@link TokenStore}. */
public enum JiraAuthScheme {
    /** Cloud: Basic with the account's e-mail and an API token. */
    API_TOKEN("API token"),
    /** Data Center: {@code Authorization: Bearer} with a personal access token. */
    PERSONAL_ACCESS_TOKEN("personal access token"),
    /** Data Center: Basic with a user name and password. */
    PASSWORD("password");

    private final String label;

    JiraAuthScheme(String label) {
        this.label = label;
    }

    /** What the secret is called in messages: "API token", "personal access token", "password". */
    public String label() {
        return label;
    }
}
