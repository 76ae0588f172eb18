package com.syncdesk.ui;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** AtlantaFX's Primer light and dark themes plus SyncDesk's own stylesheet. */
public enum Theme {
    LIGHT("light"),
    DARK("dark");

    private static final String APP_CSS = Theme.class.getResource("/com/syncdesk/ui/syncdesk.css").toExternalForm();

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Theme of(String id) {
        return "dark".equals(id) ? DARK : LIGHT;
    }

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** SyncDesk's stylesheet (status badges, panels); the dark class switches its colours. */
    public void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().remove("dark");
        if (this == DARK) {
            scene.getRoot().getStyleClass().add("dark");
        }
    }
}
