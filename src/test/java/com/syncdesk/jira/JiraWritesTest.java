package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.JiraFailure.Kind;
import com.syncdesk.jira.sim.LoggedRequest;
import com.syncdesk.jira.sim.SimSprint;
import com.syncdesk.planning.SprintState;

/** Edits, transitions and sprint updates reach JIRA in its terms, and what other JIRA users change is seen. */
class JiraWritesTest {

    private static SimSprint futureSprintOfPay(TestJira jira) {
        return jira.sim.sprintsOf(1).stream().filter(sprint -> sprint.state().equals("future")).findFirst().orElseThrow();
    }

    private static JiraUserRef someoneElseThan(TestJira jira, JiraUserRef current) {
        PageIterator<JiraIssue> issues = jira.client.searchIssues(Jql.project("PAY"));
        while (issues.hasNext()) {
            JiraUserRef assignee = issues.next().assignee();
            if (assignee != null && (current == null || !assignee.id().equals(current.id()))) {
                return assignee;
            }
        }
        throw new AssertionError("nobody else works on PAY");
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anEditChangesEveryFieldAndMovesUpdatedOn(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            JiraIssue before = jira.client.issue("PAY-1");
            JiraUserRef assignee = someoneElseThan(jira, before.assignee());
            SimSprint sprint = futureSprintOfPay(jira);

            jira.client.updateIssue("PAY-1", IssueUpdate.create().summary("Fix the login redirect loop for SSO users").priority("Low")
                    .storyPoints(new BigDecimal("8")).assignee(assignee).sprint(sprint.id()));
            JiraIssue after = jira.client.issue("PAY-1");

            assertThat(after.summary()).isEqualTo("Fix the login redirect loop for SSO users");
            assertThat(after.priority()).isEqualTo("Low");
            assertThat(after.storyPoints()).isEqualByComparingTo("8");
            assertThat(after.assignee().id()).isEqualTo(assignee.id());
            assertThat(after.sprint()).hasValueSatisfying(ref -> {
                assertThat(ref.id()).isEqualTo(sprint.id());
                assertThat(ref.state()).isEqualTo(SprintState.FUTURE);
                assertThat(ref.name()).isEqualTo(sprint.name());
            });
            assertThat(after.updated()).isAfter(before.updated());
            assertThat(jira.sim.issue("PAY-1").sprintId()).isEqualTo(sprint.id());
            String body = jira.sim.requests().stream().filter(r -> r.method().equals("PUT")).map(LoggedRequest::bodySummary).findFirst().orElseThrow();
            assertThat(body).contains(deployment == JiraDeployment.CLOUD ? "\"accountId\":\"" + assignee.accountId() + "\"" : "\"name\":\"" + assignee.name() + "\"")
                    .contains("\"" + jira.sim.config().storyPointsField() + "\":8").contains("\"" + jira.sim.config().sprintField() + "\":" + sprint.id());
        }
    }

    /** The sync engine knows people by the id its deployment uses: the account id on Cloud, the user name on Data Center. */
    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anIssueIsAssignedByTheIdItsDeploymentUses(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            JiraUserRef known = someoneElseThan(jira, jira.client.issue("PAY-1").assignee());
            JiraUserRef byId = deployment == JiraDeployment.CLOUD ? JiraUserRef.cloud(known.accountId()) : JiraUserRef.dataCenter(known.name());

            jira.client.updateIssue("PAY-1", IssueUpdate.create().assignee(byId));

            assertThat(jira.client.issue("PAY-1").assignee().displayName()).isEqualTo(known.displayName());
            assertThat(jira.sim.issue("PAY-1").assignee()).isEqualTo(known.displayName());
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anEditClearsTheAssigneeTheEstimateAndTheSprint(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            String key = jira.sim.keysFor(Jql.and(Jql.project("PAY"), "sprint is not EMPTY")).getFirst();

            jira.client.updateIssue(key, IssueUpdate.create().assignee(null).storyPoints(null).sprint(null));

            JiraIssue after = jira.client.issue(key);
            assertThat(after.assignee()).isNull();
            assertThat(after.storyPoints()).isNull();
            assertThat(after.sprints()).isEmpty();
            assertThat(after.sprint()).isEmpty();
            assertThat(jira.sim.keysFor(Jql.and(Jql.project("PAY"), Jql.noSprint()))).contains(key);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aTransitionMovesTheIssueAlongTheWorkflow(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            String key = toDo(jira);

            List<JiraTransition> open = jira.client.transitions(key);
            jira.client.transition(key, open.getFirst().id());

            assertThat(open).extracting(JiraTransition::name).containsExactly("Start progress");
            assertThat(open.getFirst().to().category()).isEqualTo(JiraStatus.Category.IN_PROGRESS);
            JiraIssue moved = jira.client.issue(key);
            assertThat(moved.status().name()).isEqualTo("In Progress");
            assertThat(moved.status().category()).isEqualTo(JiraStatus.Category.IN_PROGRESS);
        }
    }

    private static String toDo(TestJira jira) {
        return jira.sim.keysFor(Jql.project("PAY")).stream().filter(key -> jira.sim.issue(key).status().equals("To Do")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aTransitionNotOpenFromTheStatusIsRefusedInJirasWords(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            String key = toDo(jira);

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> jira.client.transition(key, "61"));

            assertThat(failure.kind()).isEqualTo(Kind.VALIDATION);
            assertThat(failure.getMessage()).isEqualTo("JIRA refused the request for issue " + key + ": Transition id '61' is not valid for this issue.");
            assertThat(jira.sim.issue(key).status()).isEqualTo("To Do");
        }
    }

    @Test
    void transitionToFindsTheWayByTheStatusName() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 300)) {
            String key = toDo(jira);

            assertThat(jira.client.transitionTo(key, "in progress").name()).isEqualTo("Start progress");
            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> jira.client.transitionTo(key, "Done"));

            assertThat(jira.sim.issue(key).status()).isEqualTo("In Progress");
            assertThat(failure.kind()).isEqualTo(Kind.VALIDATION);
            assertThat(failure.getMessage()).isEqualTo("Issue " + key + " cannot be changed that way: no transition leads to 'Done' from its "
                    + "current status; JIRA offers Send to review → In Review, Stop progress → To Do.");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aSprintIsRenamedAndGivenANewGoal(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            SimSprint sprint = futureSprintOfPay(jira);

            JiraSprint updated = jira.client.updateSprint(sprint.id(), SprintUpdate.create().name("PAY Sprint 42").goal("Launch partner API v2 beta"));

            assertThat(updated.name()).isEqualTo("PAY Sprint 42");
            assertThat(updated.goal()).isEqualTo("Launch partner API v2 beta");
            assertThat(jira.client.sprint(sprint.id()).name()).isEqualTo("PAY Sprint 42");
            assertThat(jira.sim.sprint(sprint.id()).name()).isEqualTo("PAY Sprint 42");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aSprintEndingBeforeItStartsIsRefused(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            SimSprint sprint = futureSprintOfPay(jira);

            JiraFailure failure = catchThrowableOfType(JiraFailure.class, () -> jira.client.updateSprint(sprint.id(),
                    SprintUpdate.create().endDate(sprint.start().minus(Duration.ofDays(1)))));

            assertThat(failure.kind()).isEqualTo(Kind.VALIDATION);
            assertThat(failure.getMessage()).isEqualTo("JIRA refused the request for sprint " + sprint.id()
                    + ": endDate: The sprint end date must be after the start date.");
            assertThat(failure.fieldErrors()).containsOnlyKeys("endDate");
            assertThat(jira.sim.sprint(sprint.id()).end()).isAfter(sprint.start());
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aFutureSprintStartsAndAnActiveOneCloses(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            SimSprint active = jira.sim.sprintsOf(1).stream().filter(s -> s.state().equals("active")).findFirst().orElseThrow();
            SimSprint future = futureSprintOfPay(jira);
            Instant start = future.start();

            JiraSprint closed = jira.client.updateSprint(active.id(), SprintUpdate.create().state(SprintState.CLOSED));
            JiraSprint started = jira.client.updateSprint(future.id(), SprintUpdate.create().state(SprintState.ACTIVE)
                    .startDate(start).endDate(start.plus(Duration.ofDays(14))));

            assertThat(closed.state()).isEqualTo(SprintState.CLOSED);
            assertThat(closed.completeDate()).isNotNull();
            assertThat(started.state()).isEqualTo(SprintState.ACTIVE);
            assertThat(started.startDate()).isEqualTo(start.truncatedTo(ChronoUnit.MILLIS));
            JiraFailure reopen = catchThrowableOfType(JiraFailure.class,
                    () -> jira.client.updateSprint(started.id(), SprintUpdate.create().state(SprintState.FUTURE)));
            assertThat(reopen.kind()).isEqualTo(Kind.VALIDATION);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anEditByAnotherUserBetweenTwoReadsIsSeen(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            jira.sim.when("GET", ".*/issue/PAY-2").nth(1).after(() -> jira.sim.renameAsAnotherUser("PAY-2", "Renamed in JIRA by Grace Lee"));

            JiraIssue first = jira.client.issue("PAY-2");
            JiraIssue second = jira.client.issue("PAY-2");

            assertThat(first.summary()).isNotEqualTo("Renamed in JIRA by Grace Lee");
            assertThat(second.summary()).isEqualTo("Renamed in JIRA by Grace Lee");
            assertThat(second.updated()).isAfter(first.updated());
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void anEditBetweenTwoSearchPagesShowsOnTheLaterPage(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 250)) {
            String jql = Jql.projects(jira.sim.projectKeys()) + " ORDER BY key ASC";
            String onThirdPage = jira.sim.keysFor(jql).get(230);
            jira.sim.when("POST", "/rest/api/(2/search|3/search/jql)").nth(1)
                    .after(() -> jira.sim.renameAsAnotherUser(onThirdPage, "Changed while SyncDesk was paging"));

            List<JiraIssue> issues = new ArrayList<>();
            jira.client.searchIssues(jql).forEachRemaining(issues::add);

            assertThat(issues).hasSize(250);
            assertThat(issues.stream().filter(issue -> issue.key().equals(onThirdPage)).map(JiraIssue::summary).filter(Objects::nonNull))
                    .containsExactly("Changed while SyncDesk was paging");
        }
    }
}
