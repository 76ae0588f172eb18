package com.syncdesk.jira;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.syncdesk.planning.SprintState;

/**
 * The fields of an issue SyncDesk syncs. Descriptions are not among them (Cloud sends them as ADF).
 *
 * @param assignee    null when unassigned
 * @param storyPoints null when not estimated, or when the site has no story points field
 * @param sprints     every sprint the issue is or was in, as JIRA lists them
 */
public record JiraIssue(String id, String key, String projectKey, String summary, JiraStatus status, String issueType,
                        JiraUserRef assignee, String priority, BigDecimal storyPoints, List<JiraSprintRef> sprints, Instant created,
                        Instant updated) {

    public JiraIssue {
        sprints = List.copyOf(sprints);
    }

    /**
     * The sprint the issue belongs to now: the active one, else a future one, else the last closed one
     * it was in; empty for the backlog.
     */
    public Optional<JiraSprintRef> sprint() {
        for (SprintState state : new SprintState[] {SprintState.ACTIVE, SprintState.FUTURE}) {
            Optional<JiraSprintRef> match = sprints.stream().filter(ref -> ref.state() == state).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return sprints.stream().max(Comparator.comparingLong(JiraSprintRef::id));
    }
}
