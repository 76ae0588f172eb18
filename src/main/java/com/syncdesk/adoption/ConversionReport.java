package com.syncdesk.adoption;

import java.util.List;

/**
 * What adopt converts, counted in the database before anything changes: per table the rows it writes and
 * where they come from, per column every value mapping with how many values it applies to, the
 * original's own tables left as they are, and the rows that would stop the conversion.
 *
 * @param blockers rows SyncDesk's schema would refuse, in words; adopt refuses to start while there are any
 */
public record ConversionReport(List<TableConversion> tables, List<TableRows> keptAsTheyAre, List<String> blockers) {

    /** @param source where the rows come from, in words */
    public record TableConversion(String table, String source, long rows, List<ColumnConversion> columns) {
    }

    /** @param change what happens to the column, in words */
    public record ColumnConversion(String column, String change, List<MappedCount> values) {
    }

    public record MappedCount(ValueMapping mapping, long count) {
    }

    public record TableRows(String table, long rows) {
    }

    public boolean canAdopt() {
        return blockers.isEmpty();
    }
}
