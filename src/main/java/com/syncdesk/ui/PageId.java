package com.syncdesk.ui;

/** The console's pages, in navigation order, with their icons (Feather) and shortcuts. */
public enum PageId {
    DASHBOARD("Dashboard", "fth-activity", "Shortcut+1"),
    // Second in the sidebar, where an operator starts a run; its shortcut comes after the older pages'.
    SYNC("Sync", "fth-refresh-cw", "Shortcut+7"),
    SYNC_STATES("Sync States", "fth-list", "Shortcut+2"),
    CONFLICTS("Conflicts", "fth-git-merge", "Shortcut+3"),
    HISTORY("Sync History", "fth-clock", "Shortcut+4"),
    MIGRATIONS("Migrations", "fth-layers", "Shortcut+5"),
    AUDIT("Audit Log", "fth-file-text", "Shortcut+6");

    private final String title;
    private final String icon;
    private final String shortcut;

    PageId(String title, String icon, String shortcut) {
        this.title = title;
        this.icon = icon;
        this.shortcut = shortcut;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public String shortcut() {
        return shortcut;
    }
}
