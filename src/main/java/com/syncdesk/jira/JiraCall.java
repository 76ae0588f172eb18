package com.syncdesk.jira;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One logical call to JIRA, which may take several HTTP requests.
 *
 * @param query      parameters in order; values unencoded
 * @param resource   what the call is for, for messages: "issue PAY-12"
 * @param idempotent safe to send again after a broken connection or a 5xx (JIRA may have done it already)
 * @param change     a write: a 403 then means a missing permission to change, not to see
 */
record JiraCall(String method, String path, Map<String, String> query, JsonNode body, String resource, boolean idempotent,
                boolean change) {

    static JiraCall get(String path, String resource) {
        return new JiraCall("GET", path, new LinkedHashMap<>(), null, resource, true, false);
    }

    /** A POST that only reads, such as a search: repeating it is harmless. */
    static JiraCall query(String path, JsonNode body, String resource) {
        return new JiraCall("POST", path, new LinkedHashMap<>(), body, resource, true, false);
    }

    static JiraCall change(String method, String path, JsonNode body, String resource, boolean idempotent) {
        return new JiraCall(method, path, new LinkedHashMap<>(), body, resource, idempotent, true);
    }

    JiraCall with(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, String.valueOf(value));
        return new JiraCall(method, path, more, body, resource, idempotent, change);
    }
}
