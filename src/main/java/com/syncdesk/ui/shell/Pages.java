package com.syncdesk.ui.shell;

import com.syncdesk.ui.AppContext;

/** Creates each page of the console once, on first visit. */
public final class Pages {

    private Pages() {
    }

    public static Page create(PageId id, AppContext context) {
        return switch (id) {
            case CONFLICTS -> new com.syncdesk.ui.conflicts.ConflictsPage(context);
            case DASHBOARD, SYNC_STATES, HISTORY, MIGRATIONS -> new PlaceholderPage(id);
        };
    }
}
