package com.syncdesk.sync;

import java.time.Instant;

/**
 * An entity as JIRA has it: its id, its key where it has one (issues, projects), the synced fields, when
 * JIRA last changed it (issues only) and what else a local row needs (the project of an issue, the board of
 * a sprint, the project of a board, a project's type).
 */
record RemoteEntity(EntityKind kind, String jiraId, String key, Fields fields, Instant updated, String parent, String type) {
}
