package com.syncdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.conflict.ConflictType;
import com.syncdesk.sync.Plan.Action;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncDirection;

/** Every branch of the three-way table, field by field and for whole entities, under each strategy. */
class PlannerTest {

    private static final Planner MANUAL = new Planner(ResolutionStrategy.MANUAL);
    private static final Planner JIRA_WINS = new Planner(ResolutionStrategy.JIRA_WINS);
    private static final Planner LOCAL_WINS = new Planner(ResolutionStrategy.LOCAL_WINS);
    private static final SyncDirection BOTH = SyncDirection.BIDIRECTIONAL;

    private static Fields issue(String summary, String status, double points) {
        return Fields.of(EntityKind.ISSUE).set("summary", TextNode.valueOf(summary)).set("status", TextNode.valueOf(status))
                .set("issue_type", TextNode.valueOf("Story")).set("priority", TextNode.valueOf("Medium"))
                .set("story_points", DecimalNode.valueOf(BigDecimal.valueOf(points))).build();
    }

    private static final Fields BASE = issue("Base", "To Do", 3);

    @Test
    void nothingChangedOnEitherSideDoesNothing() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), BASE, issue("Base", "To Do", 3.00), BOTH);
        assertThat(plan.action()).isEqualTo(Action.NONE);
        assertThat(plan.needsJira()).isFalse();
    }

    @Test
    void onlyJiraChangedIsPulled() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), BASE, issue("JIRA", "To Do", 3), BOTH);
        assertThat(plan.action()).isEqualTo(Action.UPDATE);
        assertThat(plan.pull()).containsExactly(Map.entry("summary", TextNode.valueOf("JIRA")));
        assertThat(plan.push()).isEmpty();
        assertThat(plan.baseAfterLocal().get("summary")).isEqualTo(TextNode.valueOf("JIRA"));
    }

    @Test
    void onlyTheLocalSideChangedIsPushedAndItsBaseMovesOnlyAfterThePush() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Base", "Done", 3), BASE, BOTH);
        assertThat(plan.push()).containsExactly(Map.entry("status", TextNode.valueOf("Done")));
        assertThat(plan.needsJira()).isTrue();
        assertThat(plan.baseAfterLocal().get("status")).isEqualTo(TextNode.valueOf("To Do"));
        assertThat(plan.baseAfterPush().get("status")).isEqualTo(TextNode.valueOf("Done"));
    }

    @Test
    void bothChangedToTheSameValueOnlyMovesTheBase() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Same", "To Do", 3), issue("Same", "To Do", 3), BOTH);
        assertThat(plan.action()).isEqualTo(Action.REBASE);
        assertThat(plan.pull()).isEmpty();
        assertThat(plan.push()).isEmpty();
        assertThat(plan.baseAfterLocal().get("summary")).isEqualTo(TextNode.valueOf("Same"));
        assertThat(plan.conflictsDetected()).isZero();
    }

    @Test
    void bothChangedDifferentlyOpensAConflictWithTheThreeValuesAndKeepsTheBase() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Local", "To Do", 5), issue("JIRA", "Done", 3), BOTH);
        assertThat(plan.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("summary");
            assertThat(c.base()).isEqualTo(TextNode.valueOf("Base"));
            assertThat(c.local()).isEqualTo(TextNode.valueOf("Local"));
            assertThat(c.remote()).isEqualTo(TextNode.valueOf("JIRA"));
        });
        assertThat(plan.pull()).containsOnlyKeys("status");
        assertThat(plan.push()).containsOnlyKeys("story_points");
        assertThat(plan.baseAfterPush().get("summary")).isEqualTo(TextNode.valueOf("Base"));
        assertThat(plan.resolved()).isEmpty();
    }

    @Test
    void jiraWinsTakesJirasValueAndRecordsTheResolution() {
        Plan plan = JIRA_WINS.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Local", "To Do", 3), issue("JIRA", "To Do", 3), BOTH);
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.pull()).containsExactly(Map.entry("summary", TextNode.valueOf("JIRA")));
        assertThat(plan.resolved()).singleElement().satisfies(r -> {
            assertThat(r.strategy()).isEqualTo(ResolutionStrategy.JIRA_WINS);
            assertThat(r.value()).isEqualTo(TextNode.valueOf("JIRA"));
            assertThat(r.type()).isEqualTo(ConflictType.FIELD_CONFLICT);
        });
    }

    @Test
    void localWinsPushesTheLocalValueAndRecordsTheResolution() {
        Plan plan = LOCAL_WINS.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Local", "To Do", 3), issue("JIRA", "To Do", 3), BOTH);
        assertThat(plan.push()).containsExactly(Map.entry("summary", TextNode.valueOf("Local")));
        assertThat(plan.resolved()).singleElement().extracting(Plan.Resolved::strategy).isEqualTo(ResolutionStrategy.LOCAL_WINS);
    }

    @Test
    void localWinsCannotPushWhatJiraDoesNotTakeSoAHumanDecides() {
        Fields base = Fields.of(EntityKind.BOARD).set("name", TextNode.valueOf("PAY")).set("board_type", TextNode.valueOf("scrum")).build();
        Plan plan = LOCAL_WINS.plan(EntityKind.BOARD, base, Map.of(), base.with(Map.of("name", TextNode.valueOf("Local"))),
                base.with(Map.of("name", TextNode.valueOf("JIRA"))), BOTH);
        assertThat(plan.conflicts()).hasSize(1);
        assertThat(plan.push()).isEmpty();
    }

    @Test
    void aLocalChangeJiraCannotTakeIsRefusedInWords() {
        Fields base = Fields.of(EntityKind.BOARD).set("name", TextNode.valueOf("PAY")).set("board_type", TextNode.valueOf("scrum")).build();
        Plan plan = MANUAL.plan(EntityKind.BOARD, base, Map.of(), base.with(Map.of("name", TextNode.valueOf("Local"))), base, BOTH);
        assertThat(plan.refusal()).contains("name").contains("rename a board");
        assertThat(plan.push()).isEmpty();
    }

    @Test
    void aResolutionWithTheLocalValueIsPushedAndNotReopened() {
        Fields local = issue("Chosen", "To Do", 3);
        Fields remote = issue("JIRA", "To Do", 3);
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of("summary", TextNode.valueOf("JIRA")), local, remote, BOTH);
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.push()).containsExactly(Map.entry("summary", TextNode.valueOf("Chosen")));
    }

    @Test
    void aResolutionWithJirasValueIsKeptWithoutAPush() {
        Fields remote = issue("JIRA", "To Do", 3);
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of("summary", TextNode.valueOf("JIRA")), remote, remote, BOTH);
        assertThat(plan.action()).isEqualTo(Action.REBASE);
        assertThat(plan.baseAfterLocal().get("summary")).isEqualTo(TextNode.valueOf("JIRA"));
    }

    @Test
    void jiraChangingAgainAfterAResolutionIsANewConflict() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of("summary", TextNode.valueOf("JIRA")), issue("Chosen", "To Do", 3),
                issue("JIRA again", "To Do", 3), BOTH);
        assertThat(plan.conflicts()).singleElement().extracting(Plan.FieldConflictPlan::remote).isEqualTo(TextNode.valueOf("JIRA again"));
    }

    @Test
    void newInJiraIsCreatedLocallyAndNewLocallyIsCreatedInJira() {
        assertThat(MANUAL.plan(EntityKind.ISSUE, null, Map.of(), null, BASE, BOTH).action()).isEqualTo(Action.CREATE_LOCAL);
        Plan create = MANUAL.plan(EntityKind.ISSUE, null, Map.of(), BASE, null, BOTH);
        assertThat(create.action()).isEqualTo(Action.CREATE_REMOTE);
        assertThat(create.needsJira()).isTrue();
        assertThat(create.baseAfterPush()).isEqualTo(BASE);
    }

    @Test
    void aLocalSprintJiraDoesNotHaveIsRefusedSinceOnlyIssuesAreCreatedInJira() {
        Fields sprint = Fields.of(EntityKind.SPRINT).set("name", TextNode.valueOf("S1")).set("state", TextNode.valueOf("future")).build();
        Plan plan = MANUAL.plan(EntityKind.SPRINT, null, Map.of(), sprint, null, BOTH);
        assertThat(plan.action()).isEqualTo(Action.REFUSE);
        assertThat(plan.refusal()).contains("creates only issues");
    }

    @Test
    void theSameEntityCreatedOnBothSidesIsLinkedWhenEqualAndACreationConflictOtherwise() {
        assertThat(MANUAL.plan(EntityKind.ISSUE, null, Map.of(), BASE, BASE, BOTH).action()).isEqualTo(Action.REBASE);
        Plan conflict = MANUAL.plan(EntityKind.ISSUE, null, Map.of(), BASE, issue("Other", "To Do", 3), BOTH);
        assertThat(conflict.action()).isEqualTo(Action.WHOLE_CONFLICT);
        assertThat(conflict.wholeConflict().type()).isEqualTo(ConflictType.CREATION_CONFLICT);
        assertThat(conflict.wholeConflict().local().path("summary").asText()).isEqualTo("Base");
        assertThat(conflict.wholeConflict().remote().path("summary").asText()).isEqualTo("Other");
    }

    @Test
    void aCreationConflictUnderAStrategyOrResolvedByAnOperatorTakesOneSide() {
        Fields remote = issue("Other", "To Do", 3);
        Plan jira = JIRA_WINS.plan(EntityKind.ISSUE, null, Map.of(), BASE, remote, BOTH);
        assertThat(jira.pull()).containsOnlyKeys("summary");
        assertThat(jira.resolved()).singleElement().extracting(Plan.Resolved::type).isEqualTo(ConflictType.CREATION_CONFLICT);
        Plan local = MANUAL.plan(EntityKind.ISSUE, null, Map.of(), BASE, remote, SyncDirection.LOCAL_TO_REMOTE);
        assertThat(local.push()).containsOnlyKeys("summary");
        assertThat(local.resolved()).isEmpty();
        assertThat(MANUAL.plan(EntityKind.ISSUE, null, Map.of(), BASE, remote, SyncDirection.REMOTE_TO_LOCAL).pull()).containsOnlyKeys("summary");
    }

    @Test
    void deletedInJiraAndUnchangedLocallyIsDeletedLocally() {
        assertThat(MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), BASE, null, BOTH).action()).isEqualTo(Action.DELETE_LOCAL);
    }

    @Test
    void deletedInJiraAndChangedLocallyIsADeletionConflict() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Local", "To Do", 3), null, BOTH);
        assertThat(plan.action()).isEqualTo(Action.WHOLE_CONFLICT);
        assertThat(plan.wholeConflict().type()).isEqualTo(ConflictType.DELETION_CONFLICT);
        assertThat(plan.wholeConflict().remote()).isNull();
        assertThat(JIRA_WINS.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Local", "To Do", 3), null, BOTH).action()).isEqualTo(Action.DELETE_LOCAL);
        Plan recreate = LOCAL_WINS.plan(EntityKind.ISSUE, BASE, Map.of(), issue("Local", "To Do", 3), null, BOTH);
        assertThat(recreate.action()).isEqualTo(Action.CREATE_REMOTE);
        assertThat(recreate.resolved()).singleElement().extracting(Plan.Resolved::type).isEqualTo(ConflictType.DELETION_CONFLICT);
    }

    @Test
    void deletedLocallyAndUnchangedInJiraIsDeletedInJira() {
        assertThat(MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), null, BASE, BOTH).action()).isEqualTo(Action.DELETE_REMOTE);
    }

    @Test
    void deletedLocallyAndChangedInJiraIsADeletionConflict() {
        Plan plan = MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), null, issue("JIRA", "To Do", 3), BOTH);
        assertThat(plan.wholeConflict().type()).isEqualTo(ConflictType.DELETION_CONFLICT);
        assertThat(plan.wholeConflict().local()).isNull();
        assertThat(JIRA_WINS.plan(EntityKind.ISSUE, BASE, Map.of(), null, issue("JIRA", "To Do", 3), BOTH).action()).isEqualTo(Action.CREATE_LOCAL);
        assertThat(LOCAL_WINS.plan(EntityKind.ISSUE, BASE, Map.of(), null, issue("JIRA", "To Do", 3), BOTH).action())
                .isEqualTo(Action.DELETE_REMOTE);
    }

    @Test
    void aDeletionConflictResolvedByAnOperatorFollowsTheChosenSide() {
        Fields changed = issue("JIRA", "To Do", 3);
        assertThat(MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), null, changed, SyncDirection.REMOTE_TO_LOCAL).action()).isEqualTo(Action.CREATE_LOCAL);
        assertThat(MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), null, changed, SyncDirection.LOCAL_TO_REMOTE).action()).isEqualTo(Action.DELETE_REMOTE);
        assertThat(MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), changed, null, SyncDirection.LOCAL_TO_REMOTE).action()).isEqualTo(Action.CREATE_REMOTE);
    }

    @Test
    void aSprintBoardOrProjectDeletedLocallyComesBackFromJira() {
        Fields sprint = Fields.of(EntityKind.SPRINT).set("name", TextNode.valueOf("S1")).set("state", TextNode.valueOf("active")).build();
        assertThat(MANUAL.plan(EntityKind.SPRINT, sprint, Map.of(), null, sprint, BOTH).action()).isEqualTo(Action.CREATE_LOCAL);
    }

    @Test
    void goneOnBothSidesForgetsTheState() {
        assertThat(MANUAL.plan(EntityKind.ISSUE, BASE, Map.of(), null, null, BOTH).action()).isEqualTo(Action.FORGET);
    }

    @Test
    void canonicalValuesMakeEqualValuesEqualAndTheHashStable() {
        Fields a = Fields.of(EntityKind.ISSUE).set("story_points", new DecimalNode(new BigDecimal("8.00"))).set("assignee", TextNode.valueOf("")).build();
        Fields b = Fields.of(EntityKind.ISSUE).set("story_points", IntNode.valueOf(8)).set("assignee", NullNode.getInstance()).build();
        assertThat(a).isEqualTo(b);
        assertThat(a.hash()).isEqualTo(b.hash()).hasSize(64);
        assertThat(Fields.parse(EntityKind.ISSUE, a.canonicalJson())).isEqualTo(a);
        JsonNode micros = TextNode.valueOf("2026-01-05 09:00:00.123456");
        Fields sprint = Fields.of(EntityKind.SPRINT).set("start_date", micros).build();
        assertThat(sprint.get("start_date").asText()).isEqualTo("2026-01-05T09:00:00.123Z");
        assertThat(a.canonicalJson()).startsWith("{\"summary\":null,\"status\":null");
    }
}
