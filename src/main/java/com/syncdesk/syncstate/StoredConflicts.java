package com.syncdesk.syncstate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.Json;

/**
 * The {@code conflicts} column read leniently: other clients may have written a single object instead
 * of an array, or text that is not JSON at all. Such text is kept as it is and reported, never a crash.
 *
 * @param raw     the column's text as stored ({@code null} when empty)
 * @param fields  the conflicts that could be read
 * @param problem why the text could not be read, if it could not
 */
public record StoredConflicts(String raw, List<FieldConflict> fields, Optional<String> problem) {

    public static StoredConflicts parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new StoredConflicts(raw, List.of(), Optional.empty());
        }
        JsonNode root;
        try {
            root = Json.read(raw);
        } catch (JsonProcessingException e) {
            return new StoredConflicts(raw, List.of(), Optional.of("not valid JSON: " + e.getOriginalMessage()));
        }
        List<FieldConflict> fields = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Iterable<JsonNode> items = root.isArray() ? root : List.of(root);
        for (JsonNode item : items) {
            if (item.isObject() && item.hasNonNull("field")) {
                fields.add(new FieldConflict(item.get("field").asText(), item.get("local"), item.get("remote"), item.get("base")));
            } else {
                skipped.add(item.toString());
            }
        }
        Optional<String> problem = skipped.isEmpty() ? Optional.empty()
                : Optional.of(skipped.size() + " entr" + (skipped.size() == 1 ? "y" : "ies") + " without a field name: " + String.join(", ", skipped));
        return new StoredConflicts(raw, List.copyOf(fields), problem);
    }

    public static String toJson(List<FieldConflict> conflicts) {
        return Json.write(conflicts);
    }
}
