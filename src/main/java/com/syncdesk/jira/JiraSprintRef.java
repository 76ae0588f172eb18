package com.syncdesk.jira;

import com.syncdesk.planning.SprintState;

/** A sprint an issue is or was in, from the sprint field. */
public record JiraSprintRef(long id, String name, SprintState state, Long boardId) {
}
