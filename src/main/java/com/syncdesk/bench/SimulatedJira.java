package com.syncdesk.bench;

import java.time.Duration;
import java.util.List;

import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.Secret;

/**
 * A JIRA the sync benchmark can drive: seeded with a known amount of data, changed by "other users", slowed
 * down on request and counting what it served. The JIRA simulator of the test sources provides one (found
 * through {@link java.util.ServiceLoader}), so {@code bench --sync} runs on the test classpath, not from the jar.
 */
public interface SimulatedJira extends AutoCloseable {

    /** Starts a JIRA with about {@code issues} issues. */
    interface Factory {
        SimulatedJira start(int issues, long seed);
    }

    /** The site, signing in with {@link #token()}, without boards chosen yet. */
    JiraSite site();

    Secret token();

    List<Long> boardIds();

    /** Whether the board has sprints (scrum), and how many; kanban boards have none. */
    int sprintsOn(long boardId);

    /** The issues a board's project holds (its sprints and its backlog). */
    int issuesOn(long boardId);

    int issueCount();

    /** Another JIRA user edits {@code count} issues spread over every board; returns their keys. */
    List<String> editIssues(int count, long seed);

    /** Added to every answer from now on. */
    void latency(Duration latency);

    /** Requests served so far, and how many of them were issue searches. */
    long requests();

    long searches();

    @Override
    void close();
}
