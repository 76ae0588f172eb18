package com.syncdesk.jira;

import java.time.ZoneId;

/**
 * The user SyncDesk signs in as ({@code GET …/myself}). Cloud names users by {@code accountId}, Data
 * Center by {@code name} and {@code key}; the other ones are null.
 *
 * @param timeZone the zone JIRA reads JQL dates in for this user
 */
public record JiraUser(String accountId, String name, String key, String displayName, String emailAddress, ZoneId timeZone,
                       boolean active) {
}
