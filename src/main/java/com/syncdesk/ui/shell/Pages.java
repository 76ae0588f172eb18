package com.syncdesk.ui.shell;

import com.syncdesk.ui.AppContext;

/** Creates each page of the console once, on first visit. */
public final class Pages {

    private Pages() {
    }

    public static Page create(PageId id, AppContext context) {
        return switch (id) {
            case DASHBOARD -> com.syncdesk.ui.dashboard.DashboardController.create(context);
            case SYNC_STATES -> com.syncdesk.ui.syncstates.SyncStatesController.create(context);
            case HISTORY -> com.syncdesk.ui.history.HistoryController.create(context);
            case CONFLICTS, MIGRATIONS -> new PlaceholderPage(id);
        };
    }
}
