package com.syncdesk.ui.connection;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Failure;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Settings;

/**
 * What the connection dialog edits: a SQLite file or a PostgreSQL server, and the outcome of "Test
 * connection". The password lives only in this object, in memory; it is never saved.
 */
public final class ConnectionViewModel {

    /** Which kind of database. */
    public enum Kind { SQLITE, POSTGRESQL }

    /** PostgreSQL's sslmode values, weakest first. */
    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** The outcome of a connection test. */
    public enum TestOutcome { NONE, RUNNING, SUCCEEDED, FAILED }

    private final AppContext context;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.SQLITE);
    private final StringProperty sqlitePath = new SimpleStringProperty(this, "sqlitePath", AppDirectories.defaultDatabase().toString());
    private final StringProperty host = new SimpleStringProperty(this, "host", "localhost");
    private final StringProperty port = new SimpleStringProperty(this, "port", "5432");
    private final StringProperty database = new SimpleStringProperty(this, "database", "syncdesk");
    private final StringProperty user = new SimpleStringProperty(this, "user", System.getProperty("user.name", ""));
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObjectProperty<String> sslMode = new SimpleObjectProperty<>(this, "sslMode", "prefer");
    private final ReadOnlyObjectWrapper<TestOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", TestOutcome.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ConnectionViewModel(AppContext context) {
        this.context = context;
        Runnable stale = () -> {
            if (outcome.get() != TestOutcome.RUNNING) {
                outcome.set(TestOutcome.NONE);
                message.set("");
            }
        };
        ChangeListener<Object> edited = (obs, old, now) -> stale.run();
        kind.addListener(edited);
        sslMode.addListener(edited);
        for (StringProperty field : List.of(sqlitePath, host, port, database, user, password)) {
            field.addListener(edited);
        }
    }

    /** Fills the fields from a connection used before; its password was never kept, so it is asked again. */
    public void prefill(Settings.RecentConnection recent) {
        if (recent == null) {
            return;
        }
        if ("sqlite".equals(recent.kind())) {
            kind.set(Kind.SQLITE);
            sqlitePath.set(recent.sqlitePath());
            return;
        }
        kind.set(Kind.POSTGRESQL);
        user.set(recent.user() == null ? "" : recent.user());
        password.set("");
        try {
            URI uri = URI.create(recent.jdbcUrl().substring("jdbc:".length()));
            host.set(uri.getHost() == null ? "localhost" : uri.getHost());
            port.set(uri.getPort() < 0 ? "5432" : String.valueOf(uri.getPort()));
            database.set(uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", ""));
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String[] pair = parameter.split("=", 2);
                    if (pair.length == 2 && pair[0].equalsIgnoreCase("sslmode")) {
                        sslMode.set(URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IllegalArgumentException unusual) {
            host.set("");
        }
    }

    /** The JDBC URL the PostgreSQL fields describe, with the SSL mode; the password never goes into it. */
    public String jdbcUrl() {
        String hostName = host.get().strip();
        if (hostName.isEmpty()) {
            throw new IllegalArgumentException("Enter the PostgreSQL server's host name.");
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port must be a number, such as 5432.");
        }
        if (portNumber < 1 || portNumber > 65_535) {
            throw new IllegalArgumentException("The port must be between 1 and 65535.");
        }
        String name = database.get().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Enter the name of the database on the server.");
        }
        String hostPart = hostName.contains(":") && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName;
        return "jdbc:postgresql://" + hostPart + ":" + portNumber + "/" + name + "?sslmode=" + sslMode.get();
    }

    /** Where the fields point, or an explanation of what is missing (IllegalArgumentException). */
    public ConnectionTarget target() {
        if (kind.get() == Kind.SQLITE) {
            String path = sqlitePath.get().strip();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("Choose a SQLite database file.");
            }
            return ConnectionTarget.sqlite(Path.of(path));
        }
        if (user.get().isBlank()) {
            throw new IllegalArgumentException("Enter the PostgreSQL user name.");
        }
        return ConnectionTarget.postgres(jdbcUrl(), user.get().strip(), password.get().toCharArray());
    }

    /** Opens the database in the background, reads its schema version and closes it again; changes nothing. */
    public void testConnection() {
        ConnectionTarget target;
        try {
            target = target();
        } catch (IllegalArgumentException e) {
            finish(TestOutcome.FAILED, e.getMessage());
            return;
        }
        if (target instanceof ConnectionTarget.SqliteFile file && !Files.exists(file.path())) {
            finish(TestOutcome.SUCCEEDED, "There is no file there yet: Connect creates a new SyncDesk database at " + file.path() + ".");
            return;
        }
        outcome.set(TestOutcome.RUNNING);
        message.set("Testing the connection to " + target.describe() + "…");
        busy.set(true);
        context.tasks().run("Testing the connection to " + target.describe(), () -> {
            try (DatabaseSession opened = DatabaseSession.open(target, DatabaseSession.Access.INSPECT, context.operator(),
                    AppDirectories.defaultBackupFolder())) {
                return opened.status();
            }
        }, status -> {
            busy.set(false);
            finish(TestOutcome.SUCCEEDED, describe(status));
        }, failure -> {
            busy.set(false);
            finish(TestOutcome.FAILED, Failure.of(failure).message());
        });
    }

    static String describe(SchemaStatus status) {
        if (status.currentVersion() == 0) {
            return "Connected. The database is empty: SyncDesk will offer to create its tables (schema version " + status.latestVersion() + ").";
        }
        return "Connected. " + SchemaWords.headline(status) + ": " + switch (status.standing()) {
            case LATEST -> "SyncDesk can use it as it is.";
            case BEHIND -> "SyncDesk will offer to upgrade it.";
            case NEWER -> "SyncDesk will not read or change it.";
            case FAILED -> "a migration failed; repair it first.";
        };
    }

    private void finish(TestOutcome result, String text) {
        outcome.set(result);
        message.set(text);
    }

    /**
     * Hands the target to {@code open}. A SQLite file that does not exist yet is first created and brought to
     * the latest schema in the background, since opening only accepts existing databases.
     */
    public void connect(Consumer<ConnectionTarget> open) {
        ConnectionTarget target = target();
        if (target instanceof ConnectionTarget.SqliteFile file && !Files.exists(file.path())
                && !target.equals(DatabaseSession.defaultTarget())) {
            busy.set(true);
            message.set("Creating " + file.path() + "…");
            context.tasks().run("Creating " + file.path(), () -> {
                try (DatabaseSession created = DatabaseSession.open(target, DatabaseSession.Access.FILL, context.operator(),
                        AppDirectories.defaultBackupFolder())) {
                    return created.status();
                }
            }, status -> {
                busy.set(false);
                open.accept(target);
            }, failure -> {
                busy.set(false);
                context.dialogs().failure("Cannot create the database", failure);
            });
        } else {
            open.accept(target);
        }
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty sqlitePathProperty() {
        return sqlitePath;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<String> sslModeProperty() {
        return sslMode;
    }

    public ReadOnlyObjectProperty<TestOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
