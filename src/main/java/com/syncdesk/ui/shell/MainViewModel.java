package com.syncdesk.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.ui.AppContext;

/** The main window's state: what the status bar and the schema banner say. */
public final class MainViewModel {

    /** What the banner offers. */
    public enum BannerKind { NONE, UPGRADE, NEWER }

    private final AppContext context;
    private final ReadOnlyStringWrapper schemaText = new ReadOnlyStringWrapper(this, "schemaText", "");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyBooleanWrapper bannerVisible = new ReadOnlyBooleanWrapper(this, "bannerVisible");
    private BannerKind banner = BannerKind.NONE;

    public MainViewModel(AppContext context) {
        this.context = context;
        context.schemaProperty().addListener((obs, old, status) -> update(status));
        update(context.schemaProperty().get());
    }

    private void update(SchemaStatus status) {
        if (status == null) {
            schemaText.set("");
            banner = BannerKind.NONE;
        } else if (status.isNewerThanApp()) {
            schemaText.set("Schema " + status.currentVersion() + " (newer than this SyncDesk)");
            banner = BannerKind.NEWER;
            bannerText.set("This database was upgraded by a newer SyncDesk (schema " + status.currentVersion() + "; this version knows up to "
                    + status.latestVersion() + "). SyncDesk will not read or change it: use the newer version.");
        } else if (status.isBehind()) {
            schemaText.set("Schema " + status.currentVersion() + " of " + status.latestVersion());
            banner = BannerKind.UPGRADE;
            bannerText.set("This database's schema is at version " + status.currentVersion() + "; SyncDesk works with version "
                    + status.latestVersion() + ". Upgrade it to see and act on its sync states (a backup is not needed to go up).");
        } else {
            schemaText.set("Schema " + status.currentVersion() + " (latest)");
            banner = BannerKind.NONE;
        }
        bannerVisible.set(banner != BannerKind.NONE);
    }

    public BannerKind banner() {
        return banner;
    }

    public ReadOnlyStringProperty schemaTextProperty() {
        return schemaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerVisibleProperty() {
        return bannerVisible.getReadOnlyProperty();
    }

    public ObservableValue<Boolean> busyProperty() {
        return Bindings.greaterThan(context.tasks().runningProperty(), 0);
    }
}
