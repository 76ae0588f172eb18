package com.syncdesk.sync;

import java.time.Instant;

/**
 * A local entity row: its id, JIRA's id as the row records it (null for an issue never sent to JIRA), its key
 * (issue key, project key), the synced fields and when it was last changed.
 */
record LocalRow(long id, String jiraId, String key, Fields fields, Instant updatedAt) {
}
