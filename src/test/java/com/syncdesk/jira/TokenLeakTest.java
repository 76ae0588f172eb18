package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.persistence.AppDirectories;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.read.ListAppender;

/**
 * Runs the connector through success and every kind of failure, on both deployments and with every
 * way of signing in, with every logger at DEBUG into memory and into a file, then looks for the
 * secrets (as typed and as the Basic header carries them) in the logs, the files, the failures'
 * messages and every toString.
 */
class TokenLeakTest {

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> memory = new ListAppender<>();
    private final FileAppender<ILoggingEvent> file = new FileAppender<>();
    private final List<String> seen = new ArrayList<>();
    private Level rootLevel;

    @BeforeEach
    void logEverything() {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        memory.setContext(context);
        memory.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level %logger - %msg%n%ex");
        encoder.start();
        file.setContext(context);
        file.setFile(home.resolve("logs").resolve("jira-debug.log").toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(memory);
        root.addAppender(file);
    }

    @AfterEach
    void restoreLogging() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(memory);
        root.detachAppender(file);
        file.stop();
        root.setLevel(rootLevel);
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }

    @Test
    void noLogFileMessageOrToStringCarriesASecret() throws IOException {
        List<String> secrets = new ArrayList<>();
        try (JiraSimulator cloud = JiraSimulator.start(SimulatorConfig.cloud(11, 300));
             JiraSimulator dataCenter = JiraSimulator.start(SimulatorConfig.dataCenter(11, 300));
             JiraSimulator withPassword = JiraSimulator.start(SimulatorConfig.dataCenter(11, 300))) {
            secrets.addAll(forms(cloud.config().user(), cloud.config().token()));
            secrets.addAll(forms(dataCenter.config().user(), dataCenter.config().token()));
            secrets.addAll(forms(dataCenter.config().user(), dataCenter.config().password()));
            secrets.addAll(forms(cloud.config().user(), "wrong-token-7f3a9c"));

            exercise(cloud, cloud.site(), cloud.token());
            exercise(dataCenter, dataCenter.site(), dataCenter.token());
            exercise(withPassword, withPassword.passwordSite(), withPassword.password());
            try (JiraClient wrong = JiraClient.open(cloud.site(), Secret.of("wrong-token-7f3a9c"), quick())) {
                collect(() -> wrong.myself());
                seen.add(wrong.toString());
            }
            JiraSecrets stored = JiraSecrets.of(new KeyringTokenStore.Unavailable("none in this test"), Map.of("SYNCDESK_JIRA_TOKEN", cloud.config().token())::get);
            seen.add(stored.toString());
            seen.add(String.valueOf(stored.find(cloud.site()).orElseThrow()));
            stored.save(dataCenter.site(), dataCenter.token());
            seen.add(String.valueOf(stored.find(dataCenter.site()).orElseThrow()));
            seen.add(stored.toString());
        }
        file.stop();

        assertThat(memory.list).as("DEBUG reached the capture").anyMatch(event -> event.getLevel() == Level.DEBUG);
        for (ILoggingEvent event : memory.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path written : files.filter(Files::isRegularFile).toList()) {
                seen.add(new String(Files.readAllBytes(written), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(String.join("\n", seen)).contains("GET /rest/api/3/myself -> 200", "JIRA refused the API token", "rate-limited");
        for (String secret : secrets) {
            assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        }
    }

    /** The secret as typed and inside a Basic header. */
    private static List<String> forms(String user, String secret) {
        return List.of(secret, Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    private static JiraClientOptions quick() {
        return JiraClientOptions.defaults().withClock(new FakeClock(TestJira.START)).withMaxAttempts(2)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400));
    }

    private void exercise(JiraSimulator sim, JiraSite site, Secret secret) {
        String token = secret.reveal();
        sim.when("GET", ".*/issue/PAY-2").nth(1).reply(SimResponse.rateLimited(1));
        sim.when("GET", ".*/issue/PAY-3").reply(SimResponse.serverError(500));
        sim.when("GET", ".*/issue/PAY-4").reply(SimResponse.badRequest(Map.of("auth", "Basic " + token), "You sent " + token));
        sim.when("GET", ".*/issue/PAY-5").reply(SimResponse.html(502, "Bad gateway", "Upstream echoed Authorization: " + token));
        sim.when("GET", ".*/issue/PAY-6").dropConnection();
        sim.when("GET", ".*/issue/PAY-7").delay(Duration.ofSeconds(1));
        sim.when("GET", ".*/issue/PAY-8").reply(SimResponse.malformedJson());
        try (JiraClient client = JiraClient.open(site.withBoards(List.of(1L, 2L)), secret, quick())) {
            JiraConnectionCheck.ConnectionReport report = new JiraConnectionCheck(client).run();
            seen.add(report.toString());
            seen.addAll(report.lines());
            client.searchIssues(Jql.project("PAY")).forEachRemaining(issue -> seen.add(issue.toString()));
            client.updateIssue("PAY-1", IssueUpdate.create().summary("Renamed"));
            for (int n = 2; n <= 9; n++) {
                String key = "PAY-" + n;
                collect(() -> client.issue(key));
            }
            sim.deleteIssue("PAY-9");
            collect(() -> client.issue("PAY-9"));
            collect(() -> client.transition("PAY-1", "99"));
            sim.denyBoard(2);
            collect(() -> client.board(2));
            seen.add(client.toString());
            seen.add(site.toString());
            seen.add(secret.toString());
            sim.revokeToken();
            collect(client::myself);
        }
    }

    private void collect(Runnable call) {
        try {
            call.run();
        } catch (JiraFailure failure) {
            seen.add(failure.getMessage());
            seen.add(failure.toString());
            seen.add(String.valueOf(failure.jiraMessages()));
            seen.add(String.valueOf(failure.fieldErrors()));
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                seen.add(String.valueOf(cause));
            }
        }
    }
}
