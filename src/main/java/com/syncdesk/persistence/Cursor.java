package com.syncdesk.persistence;

/**
 * A position in a sorted result: the sort column's value as stored and the row id that breaks ties.
 * Pages continue from a cursor (keyset paging), so page 5,000 costs what page 1 costs.
 */
public record Cursor(Object sortValue, long id) {
}
