package com.syncdesk.persistence;

/**
 * Which page to fetch: the first, the one after or before a cursor (keyset), or one at an offset
 * (for jumping to page N; slower on deep pages); and whether to count every matching row as well.
 */
public record PageRequest(int size, Cursor after, Cursor before, long offset, boolean countTotal) {

    public static final int MAX_SIZE = 10_000;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("Page size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if (offset < 0 || after != null && before != null) {
            throw new IllegalArgumentException("A page request has one position: after, before or an offset");
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, null, null, 0, true);
    }

    public static PageRequest after(Cursor cursor, int size) {
        return new PageRequest(size, cursor, null, 0, true);
    }

    public static PageRequest before(Cursor cursor, int size) {
        return new PageRequest(size, null, cursor, 0, true);
    }

    public static PageRequest atOffset(long offset, int size) {
        return new PageRequest(size, null, null, offset, true);
    }

    public static PageRequest page(long pageIndex, int size) {
        return atOffset(pageIndex * size, size);
    }

    /** The same page without the count: a caller walking on through pages of an unchanged filter already knows it. */
    public PageRequest withoutTotal() {
        return new PageRequest(size, after, before, offset, false);
    }

    public PageRequest withTotal() {
        return new PageRequest(size, after, before, offset, true);
    }
}
