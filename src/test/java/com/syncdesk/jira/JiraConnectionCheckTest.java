package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.JiraConnectionCheck.BoardCheck;
import com.syncdesk.jira.JiraConnectionCheck.ConnectionReport;
import com.syncdesk.jira.JiraFailure.Kind;
import com.syncdesk.jira.sim.SimResponse;

/** "Test connection": who, which fields, which boards with how many sprints and issues; or why not. */
class JiraConnectionCheckTest {

    private static ConnectionReport check(TestJira jira, JiraSite site) {
        try (JiraClient client = JiraClient.open(site, jira.sim.token(), JiraClientOptions.defaults().withClock(jira.clock))) {
            return new JiraConnectionCheck(client).run();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void reportsTheUserTheFieldsAndEveryBoardOfTheProjects(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 1_000)) {
            ConnectionReport report = check(jira, jira.sim.site().withProjects(List.of("PAY", "MOB")));

            assertThat(report.allGood()).isTrue();
            assertThat(report.user().timeZone()).hasToString("Europe/Berlin");
            assertThat(report.fields().storyPoints()).map(JiraField::id).hasValue(jira.sim.config().storyPointsField());
            assertThat(report.boards()).extracting(BoardCheck::boardId).containsExactly(1L, 3L);
            BoardCheck scrum = report.boards().getFirst();
            assertThat(scrum.sprints()).isEqualTo(jira.sim.sprintsOf(1).size());
            assertThat(scrum.issues()).isEqualTo(jira.sim.keysFor(Jql.project("PAY")).size());
            assertThat(report.boards().get(1).sprints()).as("MOB's board is kanban").isNull();
            assertThat(report.apiCalls()).isEqualTo(jira.requests());
            String user = deployment == JiraDeployment.CLOUD ? "account 712020:5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f" : "user ops";
            assertThat(report.lines()).startsWith(
                    "Signed in to " + jira.sim.baseUrl() + " (" + deployment.label() + ") as SyncDesk Operator, " + user + ", time zone Europe/Berlin.",
                    "Story points: field \"" + (deployment == JiraDeployment.CLOUD ? "Story point estimate" : "Story Points") + "\" ("
                            + jira.sim.config().storyPointsField() + ").",
                    "Sprints: field \"Sprint\" (" + jira.sim.config().sprintField() + ").",
                    "Project PAY \"Payments\": 1 board.",
                    "Project MOB \"Mobile App\": 1 board.",
                    "Board 1 \"PAY Scrum\" (scrum, project PAY): " + scrum.sprints() + " sprints, " + scrum.issues() + " issues.",
                    "Board 3 \"MOB Kanban\" (kanban, project MOB): no sprints (kanban board), " + report.boards().get(1).issues() + " issues.");
        }
    }

    @Test
    void aBoardWithoutPermissionIsReportedAndTheOthersStillChecked() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 300)) {
            jira.sim.denyBoard(2);

            ConnectionReport report = check(jira, jira.sim.site().withBoards(List.of(1L, 2L, 3L)));

            assertThat(report.allGood()).isFalse();
            assertThat(report.boards()).extracting(BoardCheck::ok).containsExactly(true, false, true);
            BoardCheck denied = report.boards().get(1);
            assertThat(denied.problem().kind()).isEqualTo(Kind.AUTH);
            assertThat(report.lines()).contains("Board 2: ops@example.com lacks the permission to see board 2 in JIRA (HTTP 403): ask a JIRA "
                    + "administrator for it. JIRA said: You do not have the permission to view board 2.");
        }
    }

    @Test
    void anUnknownProjectIsReported() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 300)) {
            ConnectionReport report = check(jira, jira.sim.site().withProjects(List.of("NOPE")));

            assertThat(report.projects()).singleElement().satisfies(project -> assertThat(project.problem().kind()).isEqualTo(Kind.NOT_FOUND));
            assertThat(report.lines()).anyMatch(line -> line.startsWith("Project NOPE: Project NOPE was not found in JIRA"));
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aBadTokenFailsTheWholeCheckAfterOneRequest(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 50);
             JiraClient client = JiraClient.open(jira.sim.site().withBoards(List.of(1L)), Secret.of("revoked-long-ago"), JiraClientOptions.defaults())) {
            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> new JiraConnectionCheck(client).run());

            assertThat(failure.kind()).isEqualTo(Kind.AUTH);
            assertThat(failure.getMessage()).startsWith("JIRA refused the");
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @Test
    void aTokenRevokedDuringTheCheckStopsItInsteadOfMarkingBoards() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 300)) {
            jira.sim.when("GET", "/rest/agile/1.0/board/1").before(jira.sim::revokeToken);

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> check(jira, jira.sim.site().withBoards(List.of(1L, 2L))));

            assertThat(failure.kind()).isEqualTo(Kind.AUTH);
            assertThat(failure.status()).isEqualTo(401);
            assertThat(jira.sim.requestCount("GET", "/rest/agile/1.0/board/2")).isZero();
        }
    }

    @Test
    void anUnreachableAddressIsANetworkFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (JiraClient client = JiraClient.open(JiraSite.cloud("http://127.0.0.1:" + port, "ops@example.com"), Secret.of("token"),
                JiraClientOptions.defaults().withClock(new FakeClock(TestJira.START)))) {
            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> new JiraConnectionCheck(client).run());

            assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
            assertThat(failure.getMessage()).startsWith("Could not connect to JIRA at 127.0.0.1: the connection was refused");
        }
    }

    @Test
    void anAddressThatIsNotJiraSaysSo() {
        try (TestJira jira = TestJira.start(JiraDeployment.DATA_CENTER, 50)) {
            jira.sim.when("*", ".*").reply(SimResponse.html(200, "Intranet", "Welcome to the intranet."));

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> check(jira, jira.sim.site()));

            assertThat(failure.kind()).isEqualTo(Kind.NOT_JIRA);
            assertThat(jira.requests()).isEqualTo(1);
        }
    }

    @Test
    void aSiteWithoutStoryPointsIsNotAllGoodAndSaysWhy() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", ".*/field").reply(new SimResponse(200, java.util.Map.of(), "application/json", "[]".getBytes()));

            ConnectionReport report = check(jira, jira.sim.site());

            assertThat(report.allGood()).isFalse();
            assertThat(report.lines()).contains("No story points field found (looked for Story point estimate, Story Points): story points will "
                    + "not sync.", "No boards or projects are chosen for syncing yet.");
        }
    }
}
