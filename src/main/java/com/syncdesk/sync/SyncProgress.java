package com.syncdesk.sync;

import java.time.Duration;

/** Where a run is: the board it works on and what it has done so far. */
public record SyncProgress(long boardId, String boardName, int boardIndex, int boards, SyncCounts counts, long apiCalls, Duration elapsed) {
}
