package com.syncdesk.jira.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.syncdesk.jira.JiraDeployment;

/**
 * What a {@link JiraSimulator} pretends to be: the deployment, the data it is seeded with (the same
 * seed and size give the same projects, boards, sprints and issues), the user and secrets it accepts,
 * and how it behaves.
 *
 * @param port              0 for any free port
 * @param issues            issues to seed
 * @param anchor            the moment the seeded data is relative to ("now" when it was made)
 * @param latency           added to every request
 * @param userTimeZone      the signed-in user's {@code timeZone}; JQL dates are read in it
 * @param serverZone        the zone Data Center writes timestamps in
 * @param user              Cloud: the e-mail; Data Center: the user name
 * @param token             Cloud: the API token; Data Center: the personal access token
 * @param password          Data Center: the password for Basic sign-in
 * @param storyPointsField  the story points field's id (named "Story point estimate" on Cloud, "Story Points" on Data Center)
 * @param sprintField       the sprint field's id
 * @param clock             stamps {@code updated} on writes
 */
public record SimulatorConfig(JiraDeployment deployment, int port, long seed, int issues, Instant anchor, Duration latency,
                              ZoneId userTimeZone, ZoneId serverZone, String user, String token, String password, String storyPointsField,
                              String sprintField, Clock clock) {

    public static SimulatorConfig cloud(long seed, int issues) {
        return new SimulatorConfig(JiraDeployment.CLOUD, 0, seed, issues, Instant.now().truncatedTo(ChronoUnit.MINUTES), Duration.ZERO,
                ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"), "ops@example.com", "sim-api-token-" + seed, null, "customfield_10016",
                "customfield_10020", Clock.systemUTC());
    }

    public static SimulatorConfig dataCenter(long seed, int issues) {
        return new SimulatorConfig(JiraDeployment.DATA_CENTER, 0, seed, issues, Instant.now().truncatedTo(ChronoUnit.MINUTES), Duration.ZERO,
                ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/Berlin"), "ops", "sim-pat-" + seed, "sim-password-" + seed, "customfield_10106",
                "customfield_10104", Clock.systemUTC());
    }

    public static SimulatorConfig of(JiraDeployment deployment, long seed, int issues) {
        return deployment == JiraDeployment.CLOUD ? cloud(seed, issues) : dataCenter(seed, issues);
    }

    public boolean cloud() {
        return deployment == JiraDeployment.CLOUD;
    }

    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(deployment, value, seed, issues, anchor, latency, userTimeZone, serverZone, user, token, password,
                storyPointsField, sprintField, clock);
    }

    public SimulatorConfig withAnchor(Instant value) {
        return new SimulatorConfig(deployment, port, seed, issues, value, latency, userTimeZone, serverZone, user, token, password,
                storyPointsField, sprintField, clock);
    }

    public SimulatorConfig withLatency(Duration value) {
        return new SimulatorConfig(deployment, port, seed, issues, anchor, value, userTimeZone, serverZone, user, token, password,
                storyPointsField, sprintField, clock);
    }

    public SimulatorConfig withUserTimeZone(ZoneId value) {
        return new SimulatorConfig(deployment, port, seed, issues, anchor, latency, value, serverZone, user, token, password,
                storyPointsField, sprintField, clock);
    }

    public SimulatorConfig withStoryPointsField(String id) {
        return new SimulatorConfig(deployment, port, seed, issues, anchor, latency, userTimeZone, serverZone, user, token, password, id,
                sprintField, clock);
    }

    public SimulatorConfig withSprintField(String id) {
        return new SimulatorConfig(deployment, port, seed, issues, anchor, latency, userTimeZone, serverZone, user, token, password,
                storyPointsField, id, clock);
    }

    public SimulatorConfig withClock(Clock value) {
        return new SimulatorConfig(deployment, port, seed, issues, anchor, latency, userTimeZone, serverZone, user, token, password,
                storyPointsField, sprintField, value);
    }
}
