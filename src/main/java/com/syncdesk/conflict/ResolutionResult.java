package com.syncdesk.conflict;

import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncDirection;

/** What a resolution did: the strategy recorded, the direction of the next sync, how many conflicts it closed. */
public record ResolutionResult(ResolutionStrategy strategy, SyncDirection direction, int closedConflicts, int states, int skippedStates) {
}
