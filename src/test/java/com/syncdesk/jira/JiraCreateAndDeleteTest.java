package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.JiraFailure.Kind;
import com.syncdesk.jira.sim.SimIssue;

/** What the sync engine adds to the connector: creating issues that can be found again, deleting them, finding users, retyping. */
class JiraCreateAndDeleteTest {

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aCreatedIssueHasJirasKeyAndIsFoundAgainByItsOrigin(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 300)) {
            int before = jira.sim.issueCount();
            JiraClient.CreatedIssue created = jira.client.createIssue("PAY", IssueUpdate.create().summary("Export the ledger as CSV")
                    .issueType("Task").priority("High").storyPoints(new BigDecimal("5")), "origin-1");

            assertThat(created.key()).startsWith("PAY-");
            assertThat(jira.sim.issueCount()).isEqualTo(before + 1);
            SimIssue issue = jira.sim.issue(created.key());
            assertThat(issue.summary()).isEqualTo("Export the ledger as CSV");
            assertThat(issue.type()).isEqualTo("Task");
            assertThat(issue.status()).isEqualTo("To Do");
            assertThat(String.valueOf(issue.id())).isEqualTo(created.id());
            assertThat(jira.client.issueCreatedWith("origin-1")).hasValueSatisfying(found -> assertThat(found.key()).isEqualTo(created.key()));
            assertThat(jira.client.issueCreatedWith("origin-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aCreationWithoutASummaryIsRefusedWithJirasWords(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 100)) {
            JiraFailure failure = catchThrowableOfType(JiraFailure.class,
                    () -> jira.client.createIssue("PAY", IssueUpdate.create().issueType("Story"), "origin"));
            assertThat(failure.kind()).isEqualTo(Kind.VALIDATION);
            assertThat(failure.getMessage()).contains("summary");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aDeletedIssueIsGoneAndADeleteOfAMissingOneIsNotFound(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 100)) {
            jira.client.deleteIssue("PAY-1");
            assertThat(jira.sim.issue("PAY-1")).isNull();
            assertThat(catchThrowableOfType(JiraFailure.class, () -> jira.client.deleteIssue("PAY-1")).kind()).isEqualTo(Kind.NOT_FOUND);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void usersAreFoundByNameAndTheIssueTypeChangesByEdit(JiraDeployment deployment) {
        try (TestJira jira = TestJira.start(deployment, 100)) {
            JiraIssue issue = jira.client.searchIssues(Jql.project("PAY")).stream().filter(i -> i.assignee() != null).findFirst().orElseThrow();
            String name = issue.assignee().displayName();
            assertThat(jira.client.findUsers(name)).extracting(JiraUserRef::id).contains(issue.assignee().id());

            String other = issue.issueType().equals("Bug") ? "Task" : "Bug";
            jira.client.updateIssue(issue.key(), IssueUpdate.create().issueType(other));
            assertThat(jira.client.issue(issue.key()).issueType()).isEqualTo(other);
            assertThat(catchThrowableOfType(JiraFailure.class, () -> jira.client.updateIssue(issue.key(), IssueUpdate.create().issueType("Epic")))
                    .kind()).isEqualTo(Kind.VALIDATION);
        }
    }
}
