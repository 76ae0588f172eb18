package com.syncdesk.ui;

import java.nio.file.Files;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;

import com.syncdesk.app.Workspace;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.ui.shell.PageId;

/**
 * What every view of the console shares: the open database and its schema status, the workspace of
 * services (present only while the schema is at the latest version), background work, settings and
 * navigation. Views observe its properties and never hold a database of their own.
 */
public final class AppContext implements AutoCloseable {

    private final BackgroundTasks tasks = new BackgroundTasks();
    private final Settings settings;
    private final String operator = System.getProperty("user.name", "operator");
    private final ReadOnlyObjectWrapper<Database> database = new ReadOnlyObjectWrapper<>(this, "database");
    private final ReadOnlyObjectWrapper<SchemaStatus> schema = new ReadOnlyObjectWrapper<>(this, "schema");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel", "Not connected");
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>(this, "window");
    private Consumer<Navigation> navigator = n -> { };
    private final java.util.List<java.util.function.BooleanSupplier> closeGuards = new java.util.ArrayList<>();

    /** A request to show a page, optionally with something to show on it (a filter, a state id). */
    public record Navigation(PageId page, Object argument) {
    }

    public AppContext(Settings settings) {
        this.settings = settings;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Settings settings() {
        return settings;
    }

    public String operator() {
        return operator;
    }

    public ReadOnlyObjectProperty<Database> databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SchemaStatus> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    public void onNavigate(Consumer<Navigation> navigator) {
        this.navigator = navigator;
    }

    public void navigate(PageId page, Object argument) {
        navigator.accept(new Navigation(page, argument));
    }

    /**
     * Registers a check that runs before the window closes, e.g. "a migration is running: close anyway?".
     * A guard returns false to keep the window open.
     */
    public void addCloseGuard(java.util.function.BooleanSupplier guard) {
        closeGuards.add(guard);
    }

    public boolean canClose() {
        return closeGuards.stream().allMatch(java.util.function.BooleanSupplier::getAsBoolean);
    }

    /** The default database in the data directory, created and migrated on first start. */
    public static ConnectionTarget defaultTarget() {
        return ConnectionTarget.sqlite(AppDirectories.defaultDatabase());
    }

    /**
     * Opens a database in the background. A SyncDesk database behind the latest schema stays open without
     * services, so the banner can offer the upgrade; the default database is upgraded straight away.
     */
    public void connect(ConnectionTarget target, Runnable onConnected, Consumer<Throwable> onFailure) {
        boolean isDefault = target.equals(defaultTarget());
        tasks.run("Connecting to " + target.describe(), () -> {
            if (isDefault) {
                Files.createDirectories(AppDirectories.dataDirectory());
            }
            Database opened = Database.open(target, isDefault ? Database.OpenMode.CREATE_IF_MISSING : Database.OpenMode.EXISTING_ONLY);
            try {
                MigrationService migrations = new MigrationService(opened, operator);
                SchemaStatus status = isDefault && migrations.status().isBehind()
                        ? migrations.upgrade(null, MigrationProgress.NONE) : migrations.status();
                Workspace services = status.isLatest() ? Workspace.open(opened) : null;
                return new Opened(opened, status, services);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            replace(opened);
            settings.remember(switch (target) {
                case ConnectionTarget.SqliteFile file -> Settings.RecentConnection.sqlite(file.path());
                case ConnectionTarget.PostgresServer server -> Settings.RecentConnection.postgres(server.jdbcUrl(), server.user());
            });
            settings.save();
            onConnected.run();
        }, onFailure);
    }

    private record Opened(Database database, SchemaStatus schema, Workspace workspace) {
    }

    private void replace(Opened opened) {
        closeCurrent();
        database.set(opened.database());
        schema.set(opened.schema());
        workspace.set(opened.workspace());
        connectionLabel.set((opened.database().vendor() == com.syncdesk.persistence.Vendor.SQLITE ? "SQLite · " : "PostgreSQL · ")
                + opened.database().target().describe());
    }

    /** After a migration elsewhere in the console: reread the schema and open or drop the services to match. */
    public void schemaChanged(SchemaStatus status) {
        schema.set(status);
        Workspace current = workspace.get();
        if (status.isLatest() && current == null) {
            tasks.run("Opening services", () -> Workspace.open(database.get()), workspace::set,
                    failure -> ErrorDialogs.show(window.get(), "The schema changed but SyncDesk cannot use it", failure));
        } else if (!status.isLatest() && current != null) {
            workspace.set(null);
            current.closeServices();
        }
    }

    private void closeCurrent() {
        Workspace services = workspace.get();
        Database open = database.get();
        workspace.set(null);
        database.set(null);
        schema.set(null);
        if (services != null) {
            services.close();
        } else if (open != null) {
            open.close();
        }
    }

    @Override
    public void close() {
        tasks.close();
        closeCurrent();
    }
}
