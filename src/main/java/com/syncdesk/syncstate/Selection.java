package com.syncdesk.syncstate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which sync states an operator action applies to: chosen ids, or everything a filter matches. */
public sealed interface Selection {

    static Selection ids(Collection<Long> ids) {
        return new Ids(new TreeSet<>(ids));
    }

    static Selection one(long id) {
        return new Ids(Set.of(id));
    }

    static Selection matching(SyncStateFilter filter) {
        return new Matching(filter);
    }

    /** What the audit trail records about the selection. */
    Map<String, Object> describe();

    record Ids(Set<Long> ids) implements Selection {
        public Ids {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("Select at least one sync state");
            }
            ids = Set.copyOf(ids);
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("ids", List.copyOf(new TreeSet<>(ids)));
        }
    }

    record Matching(SyncStateFilter filter) implements Selection {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("filter", filter.describe());
            return described;
        }
    }
}
