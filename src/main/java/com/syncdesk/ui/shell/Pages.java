package com.syncdesk.ui.shell;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.conflicts.ConflictsPage;
import com.syncdesk.ui.dashboard.DashboardController;
import com.syncdesk.ui.history.HistoryController;
import com.syncdesk.ui.migrations.MigrationsPage;
import com.syncdesk.ui.syncstates.SyncStatesController;

/** Creates each page of the console once, on first visit. */
public final class Pages {

    private Pages() {
    }

    public static Page create(PageId id, AppContext context) {
        return switch (id) {
            case DASHBOARD -> DashboardController.create(context);
            case SYNC_STATES -> SyncStatesController.create(context);
            case CONFLICTS -> new ConflictsPage(context);
            case HISTORY -> HistoryController.create(context);
            case MIGRATIONS -> new MigrationsPage(context);
        };
    }
}
