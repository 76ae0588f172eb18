package com.syncdesk.persistence;

import java.nio.file.Path;
import java.util.Locale;

/** Where SyncDesk keeps its own files: the default database and the settings. */
public final class AppDirectories {

    /** Overrides the data directory, for tests and portable installs. */
    public static final String HOME_PROPERTY = "syncdesk.home";
    public static final String DEFAULT_DATABASE_NAME = "syncdesk.db";

    private AppDirectories() {
    }

    /** XDG_DATA_HOME/syncdesk or ~/.local/share/syncdesk on Linux; the usual places on macOS and Windows. */
    public static Path dataDirectory() {
        String override = System.getProperty(HOME_PROPERTY, System.getenv("SYNCDESK_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("SyncDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("SyncDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("syncdesk");
    }

    public static Path defaultDatabase() {
        return dataDirectory().resolve(DEFAULT_DATABASE_NAME);
    }

    /** Where PostgreSQL backups go unless the operator names another folder (SQLite backups go beside the file). */
    public static Path defaultBackupFolder() {
        return dataDirectory().resolve("backups");
    }
}
