package com.syncdesk.sync;

import com.syncdesk.syncstate.EntityType;

/**
 * A change a dry run found: which entity (its key or name) and what would happen, in words: "pull status",
 * "push summary", "conflict on story_points", "create in JIRA", ….
 */
public record PlannedChange(EntityType type, String entity, String change) {
}
