package com.syncdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.persistence.AppDirectories;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that works on one database. Failures are reported by {@link SyncDeskCli} in one line. */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--verbose", description = "Print the full cause of a failure.")
    boolean verbose;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who is acting, for the audit trail (default: your login name); "
            + "for audit, whose entries to list.")
    String operator;

    @Spec
    CommandSpec spec;

    /** What the command does with the database, which decides what opening may create or upgrade. */
    DatabaseSession.Access access() {
        return DatabaseSession.Access.INSPECT;
    }

    /** Where PostgreSQL backups go; commands with {@code --backup-dir} say so. */
    Path backupFolder() {
        return AppDirectories.defaultBackupFolder();
    }

    /** Refuses options that make no sense before the database is opened, so a refusal creates and changes nothing. */
    void checkOptions() {
    }

    @Override
    public final Integer call() throws Exception {
        checkOptions();
        try (DatabaseSession session = DatabaseSession.open(connection.target(), access(), operatorName(), backupFolder())) {
            return run(session);
        }
    }

    abstract int run(DatabaseSession session) throws Exception;

    String operatorName() {
        return operator != null ? operator : System.getProperty("user.name", "operator");
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    ProgressPrinter progress() {
        return new ProgressPrinter(out(), Terminal.isInteractive());
    }
}
