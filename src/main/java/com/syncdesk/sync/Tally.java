package com.syncdesk.sync;

/** The counters of a run or a board while it runs; one thread writes them. */
final class Tally {

    int processed;
    int created;
    int updated;
    int deleted;
    int skipped;
    int pulled;
    int pushed;
    int conflictsDetected;
    int conflictsResolved;
    int failed;
    int parked;

    Tally copy() {
        Tally copy = new Tally();
        copy.restore(this);
        return copy;
    }

    void restore(Tally other) {
        processed = other.processed;
        created = other.created;
        updated = other.updated;
        deleted = other.deleted;
        skipped = other.skipped;
        pulled = other.pulled;
        pushed = other.pushed;
        conflictsDetected = other.conflictsDetected;
        conflictsResolved = other.conflictsResolved;
        failed = other.failed;
        parked = other.parked;
    }

    SyncCounts counts() {
        return new SyncCounts(processed, created, updated, deleted, skipped, pulled, pushed, conflictsDetected, conflictsResolved, failed, parked);
    }
}
