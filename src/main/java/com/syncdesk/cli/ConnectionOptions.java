package com.syncdesk.cli;

import java.io.Console;
import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.persistence.ConnectionTarget;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which database a command works on: a SQLite file, a PostgreSQL URL, or the default file. */
public final class ConnectionOptions {

    /** Environment variable holding the PostgreSQL password; passwords are never accepted as arguments. */
    public static final String PASSWORD_VARIABLE = "SYNCDESK_PASSWORD";

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where;

    static final class Where {
        @Option(names = "--db", paramLabel = "FILE", description = "SQLite database file (default: syncdesk.db in the data directory).")
        Path file;

        @ArgGroup(exclusive = false)
        Server server;
    }

    static final class Server {
        @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
                description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://host:5432/syncdesk")
        String url;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "PostgreSQL user. The password comes from "
                + PASSWORD_VARIABLE + " or a prompt.")
        String user;
    }

    ConnectionTarget target() {
        if (where != null && where.server != null) {
            return ConnectionTarget.postgres(where.server.url, where.server.user, password());
        }
        return where != null && where.file != null ? ConnectionTarget.sqlite(where.file) : DatabaseSession.defaultTarget();
    }

    private static char[] password() {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        // Since Java 22 System.console() exists without a terminal too; prompting there reads an empty
        // password from a closed stdin and hides a password given in the URL.
        Console console = Terminal.isInteractive() ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("PostgreSQL password: ");
            return typed == null ? new char[0] : typed;
        }
        return null;
    }
}
