package com.syncdesk.ui.shell;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.conflicts.ConflictsPage;
import com.syncdesk.ui.migrations.MigrationsPage;

/** Creates each page of the console once, on first visit. */
public final class Pages {

    private Pages() {
    }

    public static Page create(PageId id, AppContext context) {
        return switch (id) {
            case CONFLICTS -> new ConflictsPage(context);
            case MIGRATIONS -> new MigrationsPage(context);
            case DASHBOARD, SYNC_STATES, HISTORY -> new PlaceholderPage(id);
        };
    }
}
