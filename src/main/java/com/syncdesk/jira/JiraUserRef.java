package com.syncdesk.jira;

/**
 * A user as an issue names one (the assignee): by {@code accountId} on Cloud, by {@code name} and
 * {@code key} on Data Center.
 */
public record JiraUserRef(String accountId, String name, String key, String displayName) {

    public static JiraUserRef cloud(String accountId) {
        return new JiraUserRef(accountId, null, null, null);
    }

    public static JiraUserRef dataCenter(String name) {
        return new JiraUserRef(null, name, null, null);
    }

    /** The identifier the deployment uses: the account id on Cloud, the user name on Data Center. */
    public String id() {
        return accountId != null ? accountId : name;
    }
}
