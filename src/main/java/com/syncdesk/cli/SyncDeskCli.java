package com.syncdesk.cli;

import java.io.PrintWriter;

import com.syncdesk.persistence.DatabaseException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The headless face of SyncDesk: the same operations as the console, for scripts, cron and CI. */
@Command(name = "syncdesk", mixinStandardHelpOptions = true, version = "SyncDesk 0.1",
        description = "Operate the sync between the sprint-planning database and JIRA. Without a command, the desktop console opens.",
        subcommands = {StatusCommand.class, AdoptCommand.class, MigrateCommand.class, DowngradeCommand.class, PreviewCommand.class,
                BackupCommand.class, BackupsCommand.class, RestoreCommand.class, ValidateCommand.class, RepairCommand.class,
                StatsCommand.class, StateActionCommand.RetryFailed.class, StateActionCommand.Retry.class,
                StateActionCommand.Skip.class, StateActionCommand.ResetErrors.class, ConflictsCommand.class,
                HistoryCommand.class, ExportCommand.class, DemoDataCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command failed", "2:wrong options or arguments",
                "3:refused because of the database's state; nothing was changed", "4:a confirmation was declined"})
public final class SyncDeskCli implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, or start without arguments for the desktop console.");
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SyncDeskCli());
        commandLine.setExecutionExceptionHandler(SyncDeskCli::report);
        return commandLine;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** One line on stderr for the operator, the stack trace only with --verbose. */
    private static int report(Exception failure, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = command.getCommand() instanceof DatabaseCommand dc && dc.verbose;
        err.println("syncdesk: " + message(failure));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        if (failure instanceof DatabaseException db) {
            return db.reason().isRefusal() ? ExitCodes.REFUSED : ExitCodes.FAILED;
        }
        return failure instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    private static String message(Throwable failure) {
        // File-system failures carry only the path as their message; say what went wrong with it.
        switch (failure) {
            case java.nio.file.NoSuchFileException e -> {
                return "No such file or folder: " + e.getFile() + " (nothing was written there)";
            }
            case java.nio.file.AccessDeniedException e -> {
                return "Permission denied: " + e.getFile();
            }
            case java.nio.file.FileSystemException e -> {
                return "Cannot use " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason());
            }
            default -> { }
        }
        String message = failure.getMessage();
        return (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message).lines().findFirst().orElse("");
    }
}
