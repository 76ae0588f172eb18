package com.syncdesk.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.syncdesk.conflict.ConflictType;
import com.syncdesk.sync.Plan.Action;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncDirection;

/**
 * The three-way comparison. Per field, against the base (the value both sides had at the last successful
 * sync): only JIRA changed → pull; only the local side changed → push; both changed to the same value →
 * nothing but a new base; both changed differently → a conflict, or the connection's strategy decides.
 * An entity missing on one side is deleted or created on the other, or becomes a deletion or creation
 * conflict when the other side changed it too. Pure: no database, no JIRA.
 */
final class Planner {

    private final ResolutionStrategy strategy;

    Planner(ResolutionStrategy strategy) {
        this.strategy = strategy == ResolutionStrategy.JIRA_WINS || strategy == ResolutionStrategy.LOCAL_WINS ? strategy : ResolutionStrategy.MANUAL;
    }

    /**
     * @param base      the fields at the last successful sync; null when never synced
     * @param seen      per field, what JIRA held when the operator resolved a conflict on it since the base was taken: that is the
     *                  base the field is compared with, so a resolution with the local value is pushed and one with JIRA's is kept
     * @param local     the local row's fields; null when there is no local row
     * @param remote    JIRA's fields; null when JIRA has no such entity
     * @param direction the state's direction: an operator's whole-entity resolution sets local_to_remote or remote_to_local
     */
    Plan plan(EntityKind kind, Fields base, Map<String, JsonNode> seen, Fields local, Fields remote, SyncDirection direction) {
        Fields effective = base == null ? null : base.with(seen);
        if (base == null) {
            return firstSync(kind, local, remote, direction);
        }
        if (local != null && remote != null) {
            return fields(kind, base, effective, local, remote);
        }
        if (local == null && remote == null) {
            return simple(Action.FORGET, base);
        }
        if (local == null) {
            return deletedLocally(kind, base, effective, remote, direction);
        }
        return deletedInJira(kind, base, effective, local, direction);
    }

    private Plan firstSync(EntityKind kind, Fields local, Fields remote, SyncDirection direction) {
        if (local == null && remote == null) {
            return new Plan(Action.FORGET, Map.of(), Map.of(), List.of(), List.of(), null, null, null, null);
        }
        if (local == null) {
            return createLocal(remote, List.of());
        }
        if (remote == null) {
            return createRemote(kind, local, List.of());
        }
        if (local.equals(remote)) {
            return new Plan(Action.REBASE, Map.of(), Map.of(), List.of(), List.of(), null, remote, remote, null);
        }
        ResolutionStrategy side = direction == SyncDirection.REMOTE_TO_LOCAL ? ResolutionStrategy.JIRA_WINS
                : direction == SyncDirection.LOCAL_TO_REMOTE ? ResolutionStrategy.LOCAL_WINS : strategy;
        List<Plan.Resolved> resolved = direction == SyncDirection.BIDIRECTIONAL && side != ResolutionStrategy.MANUAL
                ? List.of(new Plan.Resolved(ConflictType.CREATION_CONFLICT, null, null, local.toJsonNode(), remote.toJsonNode(), side,
                side == ResolutionStrategy.JIRA_WINS ? remote.toJsonNode() : local.toJsonNode()))
                : List.of();
        return switch (side) {
            case JIRA_WINS -> takeAll(kind, local, remote, true, resolved);
            case LOCAL_WINS -> takeAll(kind, local, remote, false, resolved);
            default -> new Plan(Action.WHOLE_CONFLICT, Map.of(), Map.of(), List.of(), List.of(),
                    new Plan.WholeConflict(ConflictType.CREATION_CONFLICT, null, local.toJsonNode(), remote.toJsonNode()), null, null, null);
        };
    }

    /**
     * Both sides have the entity and no base: one side's values for every field that differs. A field JIRA
     * cannot take keeps JIRA's value, since boards, projects and a sprint's complete date are JIRA's.
     */
    private static Plan takeAll(EntityKind kind, Fields local, Fields remote, boolean jira, List<Plan.Resolved> resolved) {
        Map<String, JsonNode> pull = new LinkedHashMap<>();
        Map<String, JsonNode> push = new LinkedHashMap<>();
        for (String field : kind.fieldNames()) {
            JsonNode l = local.get(field);
            JsonNode r = remote.get(field);
            if (l.equals(r)) {
                continue;
            }
            if (jira || !kind.canPush(field)) {
                pull.put(field, r);
            } else {
                push.put(field, l);
            }
        }
        // Until the push succeeds the base is JIRA's side: a failed push is then retried as a local change.
        Fields afterPush = remote.with(push);
        return new Plan(Action.UPDATE, pull, push, List.of(), resolved, null, remote, afterPush, null);
    }

    private Plan fields(EntityKind kind, Fields base, Fields effective, Fields local, Fields remote) {
        Map<String, JsonNode> pull = new LinkedHashMap<>();
        Map<String, JsonNode> push = new LinkedHashMap<>();
        Map<String, JsonNode> agreed = new LinkedHashMap<>();
        List<Plan.FieldConflictPlan> conflicts = new ArrayList<>();
        List<Plan.Resolved> resolved = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String field : kind.fieldNames()) {
            JsonNode b = effective.get(field);
            JsonNode l = local.get(field);
            JsonNode r = remote.get(field);
            boolean localChanged = !l.equals(b);
            boolean remoteChanged = !r.equals(b);
            if (!localChanged && !remoteChanged) {
                continue;
            }
            if (!localChanged) {
                pull.put(field, r);
            } else if (!remoteChanged) {
                if (kind.canPush(field)) {
                    push.put(field, l);
                } else {
                    refused.add(field);
                }
            } else if (l.equals(r)) {
                agreed.put(field, l);
            } else if (strategy == ResolutionStrategy.JIRA_WINS) {
                pull.put(field, r);
                resolved.add(new Plan.Resolved(ConflictType.FIELD_CONFLICT, field, base.get(field), l, r, strategy, r));
            } else if (strategy == ResolutionStrategy.LOCAL_WINS && kind.canPush(field)) {
                push.put(field, l);
                resolved.add(new Plan.Resolved(ConflictType.FIELD_CONFLICT, field, base.get(field), l, r, strategy, l));
            } else {
                conflicts.add(new Plan.FieldConflictPlan(field, base.get(field), l, r));
            }
        }
        Map<String, JsonNode> moved = new LinkedHashMap<>(pull);
        moved.putAll(agreed);
        // A field in conflict keeps its base; an operator's resolution moves the others' base to what JIRA held then.
        conflicts.forEach(conflict -> moved.put(conflict.field(), base.get(conflict.field())));
        Fields afterLocal = effective.with(moved);
        Fields afterPush = afterLocal.with(push);
        boolean changes = !pull.isEmpty() || !push.isEmpty() || !conflicts.isEmpty() || !refused.isEmpty();
        Action action = changes ? Action.UPDATE : afterLocal.equals(base) ? Action.NONE : Action.REBASE;
        return new Plan(action, pull, push, conflicts, resolved, null, afterLocal, afterPush, refusal(kind, refused));
    }

    private Plan deletedLocally(EntityKind kind, Fields base, Fields effective, Fields remote, SyncDirection direction) {
        boolean remoteChanged = !remote.equals(effective);
        if (!kind.createdInJira() || direction == SyncDirection.REMOTE_TO_LOCAL) {
            return createLocal(remote, List.of());
        }
        if (direction == SyncDirection.LOCAL_TO_REMOTE || !remoteChanged) {
            return simple(Action.DELETE_REMOTE, base);
        }
        return switch (strategy) {
            case JIRA_WINS -> createLocal(remote, List.of(wholeResolved(ConflictType.DELETION_CONFLICT, base, null, remote, remote.toJsonNode())));
            case LOCAL_WINS -> new Plan(Action.DELETE_REMOTE, Map.of(), Map.of(), List.of(),
                    List.of(wholeResolved(ConflictType.DELETION_CONFLICT, base, null, remote, NullNode.getInstance())), null, base, base, null);
            default -> new Plan(Action.WHOLE_CONFLICT, Map.of(), Map.of(), List.of(), List.of(),
                    new Plan.WholeConflict(ConflictType.DELETION_CONFLICT, base.toJsonNode(), null, remote.toJsonNode()), base, base, null);
        };
    }

    private Plan deletedInJira(EntityKind kind, Fields base, Fields effective, Fields local, SyncDirection direction) {
        boolean localChanged = !local.equals(effective);
        if (direction == SyncDirection.LOCAL_TO_REMOTE) {
            return createRemote(kind, local, List.of());
        }
        if (direction == SyncDirection.REMOTE_TO_LOCAL || !localChanged) {
            return simple(Action.DELETE_LOCAL, base);
        }
        if (strategy == ResolutionStrategy.JIRA_WINS) {
            return new Plan(Action.DELETE_LOCAL, Map.of(), Map.of(), List.of(),
                    List.of(wholeResolved(ConflictType.DELETION_CONFLICT, base, local, null, NullNode.getInstance())), null, base, base, null);
        }
        if (strategy == ResolutionStrategy.LOCAL_WINS && kind.createdInJira()) {
            return createRemote(kind, local, List.of(wholeResolved(ConflictType.DELETION_CONFLICT, base, local, null, local.toJsonNode())));
        }
        return new Plan(Action.WHOLE_CONFLICT, Map.of(), Map.of(), List.of(), List.of(),
                new Plan.WholeConflict(ConflictType.DELETION_CONFLICT, base.toJsonNode(), local.toJsonNode(), null), base, base, null);
    }

    private Plan.Resolved wholeResolved(ConflictType type, Fields base, Fields local, Fields remote, JsonNode value) {
        return new Plan.Resolved(type, null, base == null ? null : base.toJsonNode(), local == null ? null : local.toJsonNode(),
                remote == null ? null : remote.toJsonNode(), strategy, value);
    }

    private static Plan createLocal(Fields remote, List<Plan.Resolved> resolved) {
        return new Plan(Action.CREATE_LOCAL, remote.asMap(), Map.of(), List.of(), resolved, null, remote, remote, null);
    }

    private static Plan createRemote(EntityKind kind, Fields local, List<Plan.Resolved> resolved) {
        if (!kind.createdInJira()) {
            return new Plan(Action.REFUSE, Map.of(), Map.of(), List.of(), resolved, null, null, null, "JIRA has no such "
                    + kind.type().wire() + ", and SyncDesk creates only issues in JIRA; create it in JIRA, or delete the local one");
        }
        return new Plan(Action.CREATE_REMOTE, Map.of(), local.asMap(), List.of(), resolved, null, null, local, null);
    }

    private static Plan simple(Action action, Fields base) {
        return new Plan(action, Map.of(), Map.of(), List.of(), List.of(), null, base, base, null);
    }

    private static String refusal(EntityKind kind, List<String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        return "The local change of " + String.join(", ", fields) + " cannot go to JIRA: " + kind.whyNotPushable(fields.getFirst());
    }
}
