package com.syncdesk.jira;

/** Where a JIRA secret is kept, in the words the console and the CLI show. */
public enum TokenLocation {
    KEYRING("stored in the OS keyring"),
    ENVIRONMENT("taken from the environment variable " + EnvironmentTokenStore.VARIABLE),
    SESSION("kept for this session only");

    private final String description;

    TokenLocation(String description) {
        this.description = description;
    }

    /** "stored in the OS keyring", "kept for this session only", … */
    public String describe() {
        return description;
    }
}
