package com.syncdesk.jira.sim;

import java.time.Instant;

/** A sprint; changed only through {@link SimData} under its write lock. The getters are for tests. */
public final class SimSprint {

    final long id;
    final SimBoard board;
    final int sequence;
    String name;
    String state;
    Instant start;
    Instant end;
    Instant complete;
    String goal;

    SimSprint(long id, SimBoard board, int sequence, String name, String state, Instant start, Instant end, Instant complete, String goal) {
        this.id = id;
        this.board = board;
        this.sequence = sequence;
        this.name = name;
        this.state = state;
        this.start = start;
        this.end = end;
        this.complete = complete;
        this.goal = goal;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String state() {
        return state;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public String goal() {
        return goal;
    }

    public Instant complete() {
        return complete;
    }

    // Setters for edits made through JiraSimulator.editSprintAsAnotherUser, which holds the write lock.

    public void setName(String name) {
        this.name = name;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public long boardId() {
        return board.id();
    }
}
