package com.syncdesk.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.ui.AppContext;

/** The main window's state and commands: what the status bar and the schema banner say, and the banner's action. */
public final class MainViewModel {

    /** What the banner offers. */
    public enum BannerKind {
        NONE(""), UPGRADE("Upgrade now"), ADOPT("Adopt on the Migrations page…"), NEWER("Connect to another database…");

        private final String action;

        BannerKind(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    private final AppContext context;
    private final ReadOnlyStringWrapper schemaText = new ReadOnlyStringWrapper(this, "schemaText", "");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyObjectWrapper<BannerKind> banner = new ReadOnlyObjectWrapper<>(this, "banner", BannerKind.NONE);
    private final ReadOnlyBooleanWrapper upgrading = new ReadOnlyBooleanWrapper(this, "upgrading");

    public MainViewModel(AppContext context) {
        this.context = context;
        context.schemaProperty().addListener((obs, old, status) -> update(status));
        update(context.schemaProperty().get());
    }

    private void update(SchemaStatus status) {
        schemaText.set(status == null ? "" : SchemaWords.headline(status));
        bannerText.set(status == null ? "" : SchemaWords.explanation(status));
        banner.set(status == null ? BannerKind.NONE : switch (status.standing()) {
            case BEHIND -> BannerKind.UPGRADE;
            case NEWER -> BannerKind.NEWER;
            case LATEST, FAILED -> BannerKind.NONE;
        });
        if (status != null && status.currentVersion() == 0) {
            offerAdoption(status);
        }
    }

    /** A database without SyncDesk's history may be sprint-reports': then the banner says so and offers adopt, not an upgrade it would refuse. */
    private void offerAdoption(SchemaStatus status) {
        DatabaseSession session = context.session();
        context.tasks().run("Recognising the database", () -> session.migrations().adoptable(), adoptable -> {
            if (adoptable.isPresent() && status.equals(context.schemaProperty().get())) {
                bannerText.set(adoptable.get());
                banner.set(BannerKind.ADOPT);
            }
        }, failure -> { }); // Not recognised: the banner stays as it is, and an upgrade would explain its refusal.
    }

    /** "Upgrade now": brings the open database to the latest schema in the background; the console follows. */
    public void upgrade() {
        DatabaseSession session = context.session();
        upgrading.set(true);
        context.tasks().run("Upgrading the schema", () -> session.migrations().upgrade(null, MigrationProgress.NONE),
                status -> {
                    upgrading.set(false);
                    context.schemaChanged(status);
                },
                failure -> {
                    upgrading.set(false);
                    context.dialogs().failure("The upgrade did not complete", failure);
                });
    }

    public ReadOnlyObjectProperty<BannerKind> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaTextProperty() {
        return schemaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty upgradingProperty() {
        return upgrading.getReadOnlyProperty();
    }

    public ObservableValue<Boolean> busyProperty() {
        return Bindings.greaterThan(context.tasks().runningProperty(), 0);
    }
}
