package com.syncdesk.ui.shell;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Page;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.audit.AuditController;
import com.syncdesk.ui.conflicts.ConflictsController;
import com.syncdesk.ui.dashboard.DashboardController;
import com.syncdesk.ui.history.HistoryController;
import com.syncdesk.ui.migrations.MigrationsController;
import com.syncdesk.ui.sync.SyncController;
import com.syncdesk.ui.syncstates.SyncStatesController;

/** Creates each page of the console once, on first visit: every page is its FXML, its controller and its view-model. */
final class Pages {

    private Pages() {
    }

    static Page create(PageId id, AppContext context) {
        return switch (id) {
            case DASHBOARD -> DashboardController.create(context);
            case SYNC -> SyncController.create(context);
            case SYNC_STATES -> SyncStatesController.create(context);
            case CONFLICTS -> ConflictsController.create(context);
            case HISTORY -> HistoryController.create(context);
            case MIGRATIONS -> MigrationsController.create(context);
            case AUDIT -> AuditController.create(context);
        };
    }
}
