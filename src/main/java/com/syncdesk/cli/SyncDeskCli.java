package com.syncdesk.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.syncdesk.app.BuildInfo;
import com.syncdesk.app.Failure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The headless face of SyncDesk: the same operations as the console, for scripts, cron and CI. */
// Inherited: every subcommand answers --help (and --version), before any of its required options is checked.
@Command(name = "syncdesk", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = SyncDeskCli.Version.class,
        description = "Operate the sync between the sprint-planning database and JIRA. Without a command, the desktop console opens.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command failed", "2:wrong options or arguments",
                "3:refused because of the database's state; nothing was changed", "4:a confirmation was declined"})
public final class SyncDeskCli implements Runnable {

    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(StatusCommand.class, AdoptCommand.class, MigrateCommand.class,
            DowngradeCommand.class, PreviewCommand.class, BackupCommand.class, BackupsCommand.class, RestoreCommand.class,
            ValidateCommand.class, RepairCommand.class, StatsCommand.class, StateActionCommand.RetryFailed.class,
            StateActionCommand.Retry.class, StateActionCommand.Skip.class, StateActionCommand.ResetErrors.class,
            ConflictsCommand.class, HistoryCommand.class, AuditCommand.class, ExportCommand.class, JiraCommand.class, SyncCommand.class,
            DemoDataCommand.class, BenchCommand.class);

    @Spec
    CommandSpec spec;

    /** The version the build wrote in, and the runtime: a packaged SyncDesk brings its own. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.nameAndVersion(), BuildInfo.runtime()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, or start without arguments for the desktop console.");
    }

    /**
     * The command line for {@code args}. picocli reads every option of every command it is given by reflection before
     * parsing, which was a third of a short command's start: when the arguments name a command, only that one is
     * given, and {@code --version} alone, which prints no command, gets none. Anything else (no command, an unknown one,
     * {@code --help}) gets all of them, so the top-level help and its errors list every command as before.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new SyncDeskCli());
        Optional<Class<?>> named = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst()
                .flatMap(name -> COMMANDS.stream().filter(command -> command.getAnnotation(Command.class).name().equals(name)).findFirst());
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        (versionOnly ? List.<Class<?>>of() : named.map(List::<Class<?>>of).orElse(COMMANDS)).forEach(commandLine::addSubcommand);
        commandLine.setExecutionExceptionHandler(SyncDeskCli::report);
        return commandLine;
    }

    /** Runs a command; output that could not be written (a full disk, a closed pipe) makes it fail, whatever it returned. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine(args);
        int exitCode = commandLine.execute(args);
        // The writer and the stream under it each keep their own error flag instead of throwing.
        if ((commandLine.getOut().checkError() || System.out.checkError()) && exitCode == ExitCodes.OK) {
            commandLine.getErr().println("syncdesk: The output could not be written (the disk is full or the pipe was closed).");
            commandLine.getErr().flush();
            return ExitCodes.FAILED;
        }
        return exitCode;
    }

    /** Says on stderr why SyncDesk cannot do what was asked (the console on a machine without a desktop); the exit code to end with. */
    public static int refuse(String why) {
        PrintWriter err = new PrintWriter(System.err, true);
        err.println("syncdesk: " + why);
        return ExitCodes.FAILED;
    }

    /** One line on stderr for the operator, the stack trace only with --verbose; the exit code says what kind of failure it was. */
    private static int report(Exception exception, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = command.getCommand() instanceof DatabaseCommand dc && dc.verbose;
        Failure failure = Failure.of(exception);
        err.println("syncdesk: " + failure.firstLine());
        if (verbose) {
            exception.printStackTrace(err);
        }
        err.flush();
        return switch (failure.kind()) {
            case REFUSED -> ExitCodes.REFUSED;
            case INVALID_INPUT -> ExitCodes.USAGE;
            case FAILED -> ExitCodes.FAILED;
        };
    }
}
