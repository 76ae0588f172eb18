package com.syncdesk.jira;

import java.time.Instant;

import com.syncdesk.planning.SprintState;

/**
 * A sprint as the Agile API returns it. Dates are null until set (a future sprint often has none);
 * {@code completeDate} only for a closed sprint.
 */
public record JiraSprint(long id, String name, SprintState state, Instant startDate, Instant endDate, Instant completeDate,
                         String goal, Long originBoardId) {
}
