package com.syncdesk.migration;

/**
 * What one undo step would destroy.
 *
 * @param version the migration whose undo drops it
 * @param values  rows of a dropped table, or non-null values of a dropped column, counted in the database
 */
public record DataLoss(int version, Drop drop, long values) {

    public String describe() {
        return drop.describe() + ": " + values + (drop.isTable() ? " rows" : " non-null values") + " (undo " + version + ")";
    }
}
