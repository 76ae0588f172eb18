package com.syncdesk.conflict;

import com.fasterxml.jackson.databind.JsonNode;

/** What the operator chose for one conflicting field: keep SyncDesk's value, take JIRA's, or a value typed by hand. */
public record FieldChoice(Side side, JsonNode customValue) {

    public enum Side { LOCAL, REMOTE, CUSTOM }

    public static FieldChoice local() {
        return new FieldChoice(Side.LOCAL, null);
    }

    public static FieldChoice remote() {
        return new FieldChoice(Side.REMOTE, null);
    }

    public static FieldChoice custom(JsonNode value) {
        return new FieldChoice(Side.CUSTOM, value);
    }
}
