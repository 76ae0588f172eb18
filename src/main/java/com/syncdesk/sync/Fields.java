package com.syncdesk.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.persistence.Json;

/**
 * The synced fields of one entity on one side (local, JIRA, or the base at the last successful sync), each
 * value in its canonical form. The canonical JSON keeps the kind's field order, so equal fields give equal
 * text and equal hashes.
 */
final class Fields {

    private final EntityKind kind;
    private final Map<String, JsonNode> values;
    /** Computed once: a page writes each snapshot's text and hash. */
    private String json;

    private Fields(EntityKind kind, Map<String, JsonNode> values) {
        this.kind = kind;
        this.values = values;
    }

    static Builder of(EntityKind kind) {
        return new Builder(kind);
    }

    /** Reads a snapshot's JSON; fields it lacks (written by an older SyncDesk) read as none. */
    static Fields parse(EntityKind kind, String json) {
        JsonNode node;
        try {
            node = Json.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The snapshot of a " + kind.type().wire() + " is not JSON: " + e.getOriginalMessage(), e);
        }
        Builder builder = of(kind);
        for (String field : kind.fieldNames()) {
            builder.set(field, node.get(field));
        }
        return builder.build();
    }

    EntityKind kind() {
        return kind;
    }

    JsonNode get(String field) {
        return values.get(field);
    }

    Map<String, JsonNode> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** These fields with {@code changes} applied. */
    Fields with(Map<String, JsonNode> changes) {
        Builder builder = of(kind);
        values.forEach(builder::set);
        changes.forEach(builder::set);
        return builder.build();
    }

    ObjectNode toJsonNode() {
        ObjectNode node = FieldType.JSON.objectNode();
        values.forEach(node::set);
        return node;
    }

    /** The canonical JSON: fields in the kind's order, values canonical. */
    String canonicalJson() {
        if (json == null) {
            json = Json.write(toJsonNode());
        }
        return json;
    }

    /** SHA-256 of the canonical JSON, hex: what {@code sync_metadata.content_hash} holds for the snapshot. */
    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fields fields && fields.kind == kind && fields.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, values);
    }

    @Override
    public String toString() {
        return kind.type().wire() + canonicalJson();
    }

    static final class Builder {
        private final EntityKind kind;
        private final Map<String, JsonNode> values = new LinkedHashMap<>();

        private Builder(EntityKind kind) {
            this.kind = kind;
            kind.fieldNames().forEach(field -> values.put(field, NullNode.getInstance()));
        }

        Builder set(String field, JsonNode value) {
            values.put(field, kind.fieldType(field).canonical(value));
            return this;
        }

        Fields build() {
            return new Fields(kind, new LinkedHashMap<>(values));
        }
    }
}
