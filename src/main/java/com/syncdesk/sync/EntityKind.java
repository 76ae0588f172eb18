package com.syncdesk.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.syncdesk.syncstate.EntityType;

/**
 * What a sync run syncs of each kind of entity: the fields (named as the conflict dialog and
 * {@code conflict_resolutions} name them), their types, and which of them JIRA's API lets SyncDesk change.
 * Boards and projects belong to JIRA: their REST API has no rename, so local changes to them are refused,
 * and only issues are created and deleted in JIRA.
 */
enum EntityKind {
    PROJECT(EntityType.PROJECT, fields("name", FieldType.TEXT), Set.of()),
    BOARD(EntityType.BOARD, fields("name", FieldType.TEXT, "board_type", FieldType.TEXT), Set.of()),
    SPRINT(EntityType.SPRINT, fields("name", FieldType.TEXT, "goal", FieldType.OPTIONAL_TEXT, "state", FieldType.TEXT,
            "start_date", FieldType.INSTANT, "end_date", FieldType.INSTANT, "complete_date", FieldType.INSTANT),
            Set.of("name", "goal", "state", "start_date", "end_date")),
    ISSUE(EntityType.ISSUE, fields("summary", FieldType.TEXT, "status", FieldType.TEXT, "issue_type", FieldType.TEXT,
            "priority", FieldType.TEXT, "assignee", FieldType.OPTIONAL_TEXT, "story_points", FieldType.DECIMAL, "sprint", FieldType.ID),
            Set.of("summary", "status", "issue_type", "priority", "assignee", "story_points", "sprint"));

    private final EntityType type;
    private final Map<String, FieldType> fields;
    private final Set<String> pushable;
    private final List<String> names;

    EntityKind(EntityType type, Map<String, FieldType> fields, Set<String> pushable) {
        this.type = type;
        this.fields = fields;
        this.pushable = pushable;
        this.names = List.copyOf(fields.keySet());
    }

    EntityType type() {
        return type;
    }

    /** The synced fields in their fixed order, which is also the order of the snapshot's canonical JSON. */
    List<String> fieldNames() {
        return names;
    }

    FieldType fieldType(String field) {
        FieldType fieldType = fields.get(field);
        if (fieldType == null) {
            throw new IllegalArgumentException(type.wire() + " has no synced field " + field);
        }
        return fieldType;
    }

    boolean canPush(String field) {
        return pushable.contains(field);
    }

    /** Whether SyncDesk creates and deletes entities of this kind in JIRA; the others come from JIRA only. */
    boolean createdInJira() {
        return this == ISSUE;
    }

    /** Why a local change of {@code field} cannot go to JIRA, in the operator's words. */
    String whyNotPushable(String field) {
        return switch (this) {
            case PROJECT -> "JIRA's API does not let SyncDesk rename a project; change it in JIRA, or take JIRA's value";
            case BOARD -> "JIRA's API has no way to rename a board or change its type; change it in JIRA, or take JIRA's value";
            case SPRINT -> "JIRA sets a sprint's complete date itself when the sprint is closed; close it instead";
            case ISSUE -> "JIRA does not take " + field;
        };
    }

    static EntityKind of(EntityType type) {
        for (EntityKind kind : values()) {
            if (kind.type == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No entity kind for " + type);
    }

    private static Map<String, FieldType> fields(Object... pairs) {
        Map<String, FieldType> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (FieldType) pairs[i + 1]);
        }
        return map;
    }
}
