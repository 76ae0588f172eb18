package com.syncdesk.migration;

import java.util.List;
import java.util.Optional;

import com.syncdesk.persistence.StoredInstant;

/**
 * A version an upgrade applies again after a downgrade undid it. What that downgrade dropped comes back as the
 * version creates it, empty: the values are not restored; only the backup taken before the downgrade holds them.
 *
 * @param undoneAt when the downgrade undid it, as the undo log records it
 * @param drops    the tables and columns its undo dropped
 * @param backup   the newest backup taken before then that holds the version, when there is one
 */
public record Reapplied(int version, String description, StoredInstant undoneAt, String undoneBy, List<Drop> drops,
                        Optional<Backup> backup) {
}
