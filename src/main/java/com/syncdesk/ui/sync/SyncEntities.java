package com.syncdesk.ui.sync;

import java.util.List;

/** A navigation to the Sync page that asks it to sync these sync states now ("Sync this entity now" on Sync States). */
public record SyncEntities(List<Long> stateIds) {

    public SyncEntities {
        stateIds = List.copyOf(stateIds);
    }
}
