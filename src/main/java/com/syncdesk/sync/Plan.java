package com.syncdesk.sync;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.conflict.ConflictType;
import com.syncdesk.syncstate.ResolutionStrategy;

/**
 * What a run does with one entity, decided by {@link Planner} from the base, the local and the JIRA side.
 *
 * @param pull          fields to write into the local row (JIRA's values)
 * @param push          fields to send to JIRA (the local values)
 * @param conflicts     field conflicts to open for a human
 * @param resolved      conflicts the connection's strategy resolved at once, recorded as resolved
 * @param wholeConflict a deletion or creation conflict to open, with the two sides' fields (a missing side is null)
 * @param baseAfterLocal the snapshot once the local writes are done: pulled and agreed fields move on, conflicting and pushed ones keep their base
 * @param baseAfterPush the snapshot once the push succeeded too
 * @param refusal       why part of the entity cannot be synced (a permanent validation failure), or null
 */
record Plan(Action action, Map<String, JsonNode> pull, Map<String, JsonNode> push, List<FieldConflictPlan> conflicts,
            List<Resolved> resolved, WholeConflict wholeConflict, Fields baseAfterLocal, Fields baseAfterPush, String refusal) {

    enum Action {
        /** Nothing differs from the base. */
        NONE,
        /** Only the snapshot moves (both sides agree on a new value, or an entity seen for the first time on both sides agrees). */
        REBASE,
        /** Fields are pulled, pushed or put in conflict. */
        UPDATE,
        CREATE_LOCAL,
        CREATE_REMOTE,
        DELETE_LOCAL,
        DELETE_REMOTE,
        /** Gone on both sides: the state goes too. */
        FORGET,
        /** A deletion or creation conflict waits for a human. */
        WHOLE_CONFLICT,
        /** Nothing can be done: {@link #refusal()} says why. */
        REFUSE
    }

    /** One field where both sides changed differently, with the three values. */
    record FieldConflictPlan(String field, JsonNode base, JsonNode local, JsonNode remote) {
    }

    /** A conflict resolved by the connection's strategy; {@code field} is null for a whole-entity conflict. */
    record Resolved(ConflictType type, String field, JsonNode base, JsonNode local, JsonNode remote, ResolutionStrategy strategy,
                    JsonNode value) {
    }

    record WholeConflict(ConflictType type, JsonNode base, JsonNode local, JsonNode remote) {
    }

    Plan {
        pull = Map.copyOf(pull);
        push = Map.copyOf(push);
        conflicts = List.copyOf(conflicts);
        resolved = List.copyOf(resolved);
    }

    boolean needsJira() {
        return !push.isEmpty() || action == Action.CREATE_REMOTE || action == Action.DELETE_REMOTE;
    }

    boolean writesLocally() {
        return action != Action.NONE;
    }

    int conflictsDetected() {
        return conflicts.size() + resolved.size() + (wholeConflict != null ? 1 : 0);
    }
}
