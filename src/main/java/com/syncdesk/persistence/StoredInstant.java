package com.syncdesk.persistence;

import java.time.Instant;

/**
 * A timestamp as read from the database: the instant when it could be read, and always the text as
 * stored, so a value another client wrote in an unknown form is shown as it is rather than lost.
 */
public record StoredInstant(Instant instant, String raw) implements Comparable<StoredInstant> {

    public boolean isReadable() {
        return instant != null;
    }

    @Override
    public int compareTo(StoredInstant other) {
        if (instant != null && other.instant != null) {
            return instant.compareTo(other.instant);
        }
        return raw.compareTo(other.raw);
    }

    @Override
    public String toString() {
        return instant != null ? instant.toString() : raw;
    }
}
