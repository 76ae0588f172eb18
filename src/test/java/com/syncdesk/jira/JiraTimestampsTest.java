package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.jira.sim.SimSprint;
import com.syncdesk.persistence.Json;

/** JIRA's timestamps are read in every form it writes them. */
class JiraTimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-30T10:15:30.000+0000, 2026-11-30T10:15:30Z",
            "2026-11-30T11:15:30.000+0100, 2026-11-30T10:15:30Z",
            "2026-11-30T10:15:30.000Z, 2026-11-30T10:15:30Z",
            "2026-11-30T11:15:30.000+01:00, 2026-11-30T10:15:30Z",
            "2026-11-30T05:15:30.123-0500, 2026-11-30T10:15:30.123Z",
            "2026-11-30T15:45:30+0530, 2026-11-30T10:15:30Z",
            "2026-11-30T10:15:30.123456Z, 2026-11-30T10:15:30.123456Z",
            "2026-11-30T11:15:30+01, 2026-11-30T10:15:30Z",
            "2026-11-30T10:16Z, 2026-11-30T10:16:00Z"})
    void readsEveryFormJiraWrites(String text, String expected) {
        assertThat(JiraTimestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-31T23:59:59.999-1800, 2027-01-01T17:59:59.999Z",
            "2026-02-28T00:00:00.000+18:00, 2026-02-27T06:00:00Z",
            "2024-02-29T12:00:00.000-00:00, 2024-02-29T12:00:00Z",
            "2026-11-30T10:15:30.000-0130, 2026-11-30T11:45:30Z"})
    void readsTheFixedWidthFormsAtTheirEdges(String text, String expected) {
        assertThat(JiraTimestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-13-30T10:15:30.000+0000", "2026-11-30T24:15:30.000Z",
            "2026-11-30T10:15:30.000+1900", "2026-11-30T10:15:30.000-0a00", "2026-11-30T10:15:30.000+01-00",
            "2026-11-30T10:15:30.000X", "2026-11-30T10:15:30.0a0Z", "2026-11-30 10:15:30.000+0000"})
    void refusesWhatIsNotATimestampInAnyForm(String text) {
        assertThatThrownBy(() -> JiraTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void refusesATimeWithoutAnOffset() {
        assertThatThrownBy(() -> JiraTimestamps.parse("2026-11-30T10:15:30.000")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> JiraTimestamps.parse("30/Nov/26 10:15 AM")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void writesTheIssueFieldAndAgileForms() {
        Instant instant = Instant.parse("2026-11-30T10:15:30.250Z");

        assertThat(JiraTimestamps.formatIssueField(instant, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-11-30T11:15:30.250+0100");
        assertThat(JiraTimestamps.formatAgile(instant, ZoneOffset.UTC)).isEqualTo("2026-11-30T10:15:30.250Z");
        assertThat(JiraTimestamps.formatAgile(instant, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-11-30T11:15:30.250+01:00");
    }

    /** The JSON as JIRA sends it, read without the client. */
    private static JsonNode raw(TestJira jira, String path) throws Exception {
        String credentials = jira.sim.config().cloud() ? jira.sim.config().user() + ":" + jira.sim.config().token() : null;
        HttpRequest request = HttpRequest.newBuilder(jira.sim.baseUrl().resolve(path))
                .header("Authorization", credentials == null ? "Bearer " + jira.sim.config().token()
                        : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return Json.read(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    /** Cloud writes issue fields with +0000-style offsets and sprint dates with Z; Data Center its zone's offset with a colon. */
    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void theSitesTimestampsComeOutAsTheInstantsJiraHolds(JiraDeployment deployment) throws Exception {
        try (TestJira jira = TestJira.start(deployment, 100)) {
            SimSprint closed = jira.sim.sprintsOf(1).getFirst();
            JiraSprint sprint = jira.client.sprint(closed.id());
            JiraIssue issue = jira.client.issue("PAY-1");

            assertThat(sprint.startDate()).isEqualTo(closed.start().truncatedTo(ChronoUnit.MILLIS));
            assertThat(sprint.endDate()).isEqualTo(closed.end().truncatedTo(ChronoUnit.MILLIS));
            assertThat(sprint.completeDate()).isNotNull();
            assertThat(issue.updated()).isEqualTo(jira.sim.issue("PAY-1").updated().truncatedTo(ChronoUnit.MILLIS));
            boolean cloud = deployment == JiraDeployment.CLOUD;
            assertThat(raw(jira, "/rest/agile/1.0/sprint/" + closed.id()).path("startDate").asText())
                    .matches(cloud ? ".*\\.\\d{3}Z" : ".*\\.\\d{3}\\+0[12]:00");
            assertThat(raw(jira, (cloud ? "/rest/api/3" : "/rest/api/2") + "/issue/PAY-1").path("fields").path("updated").asText())
                    .matches(".*\\.\\d{3}\\+0[12]00");
        }
    }
}
