package com.syncdesk.jira;

import com.syncdesk.persistence.WireEnum;

/** Which JIRA a site runs: they differ in authentication, search API and how users are named. */
public enum JiraDeployment implements WireEnum {
    /** Atlassian's JIRA Cloud: e-mail + API token, search through {@code /rest/api/3/search/jql}, users by account id. */
    CLOUD("JIRA Cloud", 3),
    /** JIRA Data Center or Server: a personal access token or a password, {@code /rest/api/2/search}, users by name. */
    DATA_CENTER("JIRA Data Center", 2);

    private final String label;
    private final int apiVersion;

    JiraDeployment(String label, int apiVersion) {
        this.label = label;
        this.apiVersion = apiVersion;
    }

    public String label() {
        return label;
    }

    /** The platform REST API's path, {@code /rest/api/3} or {@code /rest/api/2}. */
    public String apiPath() {
        return "/rest/api/" + apiVersion;
    }
}
