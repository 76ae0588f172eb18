package com.syncdesk.ui.shell;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.migrations.MigrationsPage;

/** Creates each page of the console once, on first visit. */
public final class Pages {

    private Pages() {
    }

    public static Page create(PageId id, AppContext context) {
        return switch (id) {
            case DASHBOARD, SYNC_STATES, CONFLICTS, HISTORY -> new PlaceholderPage(id);
            case MIGRATIONS -> new MigrationsPage(context);
        };
    }
}
