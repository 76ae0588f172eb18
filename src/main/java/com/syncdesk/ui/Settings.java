package com.syncdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.Json;

/**
 * What the console remembers between runs, in {@code settings.json} in the data directory: theme,
 * window bounds, recent connections, the JIRA site to open entities in. Never a password.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final int MAX_RECENT = 8;

    /** A connection used before: a SQLite file, or a PostgreSQL URL and user (the password is not kept). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecentConnection(String kind, String sqlitePath, String jdbcUrl, String user) {
        public static RecentConnection sqlite(Path path) {
            return new RecentConnection("sqlite", path.toString(), null, null);
        }

        public static RecentConnection postgres(String jdbcUrl, String user) {
            return new RecentConnection("postgresql", null, jdbcUrl, user);
        }

        public String label() {
            return "sqlite".equals(kind) ? sqlitePath : user + " @ " + jdbcUrl;
        }
    }

    public String theme = "light";
    public Double windowX;
    public Double windowY;
    public double windowWidth = 1280;
    public double windowHeight = 800;
    public boolean maximized;
    public List<RecentConnection> recentConnections = new ArrayList<>();
    /** The JIRA site "Open in JIRA" leads to, e.g. https://acme.atlassian.net; null until the operator sets one. */
    public String jiraBaseUrl;
    /** The Sync page's schedule switch: sync every connection interval while the console is open. */
    public boolean syncOnSchedule;

    public static Path file() {
        return AppDirectories.dataDirectory().resolve("settings.json");
    }

    /** The saved settings, or defaults when there are none or they cannot be read (the reason is logged). */
    public static Settings load() {
        Path file = file();
        if (!Files.exists(file)) {
            return new Settings();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            LOG.warn("Settings in {} are unreadable; using defaults", file, e);
            return new Settings();
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a settings file. */
    public void save() {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("settings.json.partial");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save settings to {}", file, e);
        }
    }

    public void remember(RecentConnection connection) {
        recentConnections.remove(connection);
        recentConnections.addFirst(connection);
        while (recentConnections.size() > MAX_RECENT) {
            recentConnections.removeLast();
        }
    }
}
