package com.syncdesk.persistence;

import java.time.Instant;

/**
 * A timestamp as read from the database: the instant when it could be read, and the text as stored
 * where the database stores text (SQLite), so a value another client wrote in an unknown form is
 * shown as it is rather than lost. PostgreSQL's typed columns are always readable and carry no text.
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
        return String.valueOf(raw).compareTo(String.valueOf(other.raw));
    }

    @Override
    public String toString() {
        return instant != null ? instant.toString() : raw;
    }
}
