package com.syncdesk.migration;

import java.util.List;

/**
 * What validate found, in words.
 *
 * @param problems what does not match this SyncDesk (damage, history, SyncDesk's objects missing or changed, drifted counts)
 * @param notes    objects another client added to the schema: reported, not a failure
 */
public record Validation(List<String> problems, List<String> notes) {

    public boolean isValid() {
        return problems.isEmpty();
    }
}
