package com.syncdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.syncdesk.persistence.Database;

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

    @Option(names = "--operator", paramLabel = "NAME", description = "Who is acting, for the audit trail (default: your login name).")
    String operator;

    @Spec
    CommandSpec spec;

    /** Whether the command may create a missing SQLite file. */
    Database.OpenMode openMode() {
        return Database.OpenMode.EXISTING_ONLY;
    }

    @Override
    public final Integer call() throws Exception {
        try (Database database = connection.open(openMode())) {
            return run(database);
        }
    }

    abstract int run(Database database) throws Exception;

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
