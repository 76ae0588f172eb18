package com.syncdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.WarnStatus;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Marker;

import com.syncdesk.cli.LoggingProblems;

/**
 * SyncDesk's logging, set up in code (found by logback through {@code META-INF/services}): parsing an XML configuration
 * was a fifth of a short command's start. A file {@code syncdesk.log} in {@code syncdesk.logdir} (the launcher puts it
 * in the data directory), opened by the first event that reaches it, rolled daily and at 10 MB, 14 days and 100 MB kept; nothing on the terminal, where commands
 * print their own messages; logback's own troubles said once on stderr ({@link LoggingProblems}). An operator's
 * {@code -Dlogback.configurationFile} and the tests' {@code logback-test.xml} take over as logback's files always did.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LoggingSetup extends ContextAwareBase implements Configurator {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || LoggingSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        logToFile(context, System.getProperty("syncdesk.logdir", System.getProperty("java.io.tmpdir")));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** SyncDesk's levels, and the rolling file in {@code dir}, opened by the first event that reaches it. */
    static void logToFile(LoggerContext context, String dir) {
        // Before anything starts, so that a log folder that cannot be made is told.
        context.getStatusManager().add(new LoggingProblems());
        // Made now, though the file waits for the first event: a run that logs nothing is still told its log is off.
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException | InvalidPathException e) {
            context.getStatusManager().add(new WarnStatus("Could not create the log folder " + dir, LoggingSetup.class, e));
        }
        FirstEventOpens file = new FirstEventOpens(() -> rollingFile(context, dir));
        file.setContext(context);
        file.setName("FILE");
        file.start();

        context.addTurboFilter(new KnownJavaFxWarning());
        context.getLogger("com.syncdesk").setLevel(Level.INFO);
        context.getLogger("org.flywaydb").setLevel(Level.INFO);
        context.getLogger("org.hibernate").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
    }

    private static Appender<ILoggingEvent> rollingFile(LoggerContext context, String dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/syncdesk.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/syncdesk.%d{yyyy-MM-dd}.%i.log");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("100MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        file.setEncoder(encoder);
        file.start();
        return file;
    }

    /**
     * JavaFX warns at every console start that it was loaded from the class path, where SyncDesk's jar puts it on
     * purpose (docs/packaging.md). Written, that one line opened the log file on the way to the first window.
     */
    static final class KnownJavaFxWarning extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params, Throwable t) {
            boolean known = "javafx".equals(logger.getName()) && format != null && format.startsWith("Unsupported JavaFX configuration: ");
            return known ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }

    /**
     * Opens the rolling file with the first event: a command that logs nothing, such as {@code status}, no longer
     * pays for the file and its rolling policy (a seventh of its start). Logback's {@code doAppend} is synchronized,
     * so the file is opened once.
     */
    private static final class FirstEventOpens extends AppenderBase<ILoggingEvent> {
        private final Supplier<Appender<ILoggingEvent>> opener;
        private Appender<ILoggingEvent> file;

        FirstEventOpens(Supplier<Appender<ILoggingEvent>> opener) {
            this.opener = opener;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (file == null) {
                file = opener.get();
            }
            file.doAppend(event);
        }

        @Override
        public void stop() {
            if (file != null) {
                file.stop();
            }
            super.stop();
        }
    }
}
