package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.jira.sim.SimulatorConfig;

/** Story points are found by name and the sprint field by its type, whatever ids the site gave them. */
class JiraFieldMapTest {

    private static final String NUMBER = "number";
    private static final String FLOAT = "com.atlassian.jira.plugin.system.customfieldtypes:float";
    private static final String ESTIMATE = "com.pyxis.greenhopper.jira:jsw-story-points";

    private static JiraField field(String id, String name, String type, String custom) {
        return new JiraField(id, name, true, type, custom);
    }

    @Test
    void cloudPrefersItsEstimateFieldAndDataCenterTheClassicOne() {
        List<JiraField> both = List.of(field("customfield_10028", "Story Points", NUMBER, FLOAT),
                field("customfield_10016", "Story point estimate", NUMBER, ESTIMATE));

        assertThat(JiraFieldMap.discover(both, JiraDeployment.CLOUD).storyPoints()).map(JiraField::id).hasValue("customfield_10016");
        assertThat(JiraFieldMap.discover(both, JiraDeployment.DATA_CENTER).storyPoints()).map(JiraField::id).hasValue("customfield_10028");
    }

    @Test
    void aFieldNamedLikeStoryPointsThatHoldsTextIsNotTaken() {
        List<JiraField> fields = List.of(field("customfield_10001", "Story Points", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textfield"),
                field("customfield_10002", " story points ", NUMBER, FLOAT));

        assertThat(JiraFieldMap.discover(fields, JiraDeployment.DATA_CENTER).storyPoints()).map(JiraField::id).hasValue("customfield_10002");
    }

    @Test
    void theSprintFieldIsFoundByItsTypeNotItsName() {
        List<JiraField> fields = List.of(field("customfield_10019", "Sprint", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textfield"),
                field("customfield_10020", "Iteration", "array", JiraFieldMap.SPRINT_TYPE));

        assertThat(JiraFieldMap.discover(fields, JiraDeployment.CLOUD).sprint()).map(JiraField::id).hasValue("customfield_10020");
    }

    @Test
    void aSiteWithoutEitherFieldHasNeither() {
        JiraFieldMap map = JiraFieldMap.discover(List.of(field("customfield_1", "Team", "string", null)), JiraDeployment.CLOUD);

        assertThat(map.storyPoints()).isEmpty();
        assertThat(map.sprint()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void aSiteWithUnusualIdsIsReadAndWrittenThroughThem(JiraDeployment deployment) {
        SimulatorConfig config = SimulatorConfig.of(deployment, 3, 200).withStoryPointsField("customfield_12345").withSprintField("customfield_13579");
        try (TestJira jira = TestJira.start(config, options -> options)) {
            jira.sim.addField("customfield_10016", "Story Points (old)", NUMBER, FLOAT);
            jira.sim.addField("customfield_10019", "Sprint", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textfield");

            JiraFieldMap map = jira.client.fieldMap();
            String key = jira.sim.keysFor(Jql.and(Jql.project("PAY"), "sprint is not EMPTY")).getFirst();
            jira.client.updateIssue(key, IssueUpdate.create().storyPoints(new BigDecimal("3")));
            JiraIssue issue = jira.client.issue(key);

            assertThat(map.storyPoints()).map(JiraField::id).hasValue("customfield_12345");
            assertThat(map.sprint()).map(JiraField::id).hasValue("customfield_13579");
            assertThat(issue.storyPoints()).isEqualByComparingTo("3");
            assertThat(issue.sprint()).map(JiraSprintRef::id).hasValue(jira.sim.issue(key).sprintId());
            assertThat(jira.sim.issue(key).storyPoints()).isEqualByComparingTo("3");
            assertThat(jira.sim.requestCount("GET", ".*/field")).as("found once per client").isEqualTo(1);
        }
    }

    @Test
    void withoutAStoryPointsFieldAnEstimateIsNotSentAndTheFailureSaysWhy() {
        try (TestJira jira = TestJira.start(JiraDeployment.CLOUD, 50)) {
            jira.sim.when("GET", ".*/field").reply(new SimResponse(200, java.util.Map.of(), "application/json",
                    "[{\"id\":\"summary\",\"name\":\"Summary\",\"custom\":false,\"schema\":{\"type\":\"string\",\"system\":\"summary\"}}]".getBytes()));

            JiraIssue issue = jira.client.issue("PAY-1");
            JiraFailure failure = catchThrowableOfType(JiraFailure.class,
                    () -> jira.client.updateIssue("PAY-1", IssueUpdate.create().storyPoints(BigDecimal.ONE)));

            assertThat(issue.storyPoints()).isNull();
            assertThat(issue.sprints()).isEmpty();
            assertThat(failure.kind()).isEqualTo(JiraFailure.Kind.VALIDATION);
            assertThat(failure.getMessage()).isEqualTo("Issue PAY-1 cannot be changed that way: this site has no story points field (looked "
                    + "for Story point estimate, Story Points).");
            assertThat(jira.sim.requestCount("PUT", ".*")).isZero();
        }
    }
}
