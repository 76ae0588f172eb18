package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.syncdesk.jira.sim.SimulatorConfig;

/** JQL as JIRA reads it: quoted values, and dates in the user's zone to the minute. */
class JqlTest {

    @Test
    void anIncrementalQueryIsInTheUsersZoneRoundedDownWithTheOverlap() {
        Instant lastSync = Instant.parse("2026-11-30T09:15:42Z");

        assertThat(Jql.updatedSince(lastSync, ZoneId.of("Europe/Berlin"), Duration.ofMinutes(1))).isEqualTo("updated >= \"2026/11/30 10:14\"");
        assertThat(Jql.updatedSince(lastSync, ZoneId.of("America/Los_Angeles"), Duration.ZERO)).isEqualTo("updated >= \"2026/11/30 01:15\"");
    }

    @Test
    void valuesAreQuotedSoKeywordsStayValues() {
        assertThat(Jql.projects(List.of("PAY", "AND"))).isEqualTo("project in (\"PAY\", \"AND\")");
        assertThat(Jql.project("WEB")).isEqualTo("project = \"WEB\"");
        assertThat(Jql.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(Jql.and(Jql.project("PAY"), null, "", Jql.sprints(List.of(3L, 4L)))).isEqualTo("project = \"PAY\" AND sprint in (3, 4)");
    }

    /** The same moment written for the wrong zone finds nothing: JIRA reads the date in the user's zone. */
    @Test
    void jiraReadsTheDateInTheUsersZone() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        try (TestJira jira = TestJira.start(SimulatorConfig.cloud(5, 200).withUserTimeZone(zone), options -> options)) {
            ZoneId told = jira.client.myself().timeZone();
            Instant before = Instant.now().minusSeconds(30);
            jira.sim.renameAsAnotherUser("PAY-1", "Edited just now");

            List<String> right = jira.sim.keysFor(Jql.and(Jql.project("PAY"), Jql.updatedSince(before, told, Duration.ofMinutes(1))));
            List<String> wrong = jira.sim.keysFor(Jql.and(Jql.project("PAY"), Jql.updatedSince(before, ZoneOffset.UTC, Duration.ofMinutes(1))));

            assertThat(told).isEqualTo(zone);
            assertThat(right).containsExactly("PAY-1");
            assertThat(wrong).isEmpty();
        }
    }
}
