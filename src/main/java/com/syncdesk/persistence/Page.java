package com.syncdesk.persistence;

import java.util.List;

/**
 * One page of rows and the total number of rows that match ({@code -1} when the request did not ask for it).
 *
 * @param first cursor of the first row, to ask for the page before
 * @param last  cursor of the last row, to ask for the page after
 */
public record Page<T>(List<T> items, long total, Cursor first, Cursor last, boolean hasNext, boolean hasPrevious) {

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), 0, null, null, false, false);
    }
}
