package com.syncdesk.jira;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a paged JIRA listing, fetched a page at a time as they are consumed: only the current
 * page is in memory, so a 100,000-issue search costs one page of heap. Not thread-safe; each
 * iterator walks its listing once.
 */
public final class PageIterator<T> implements Iterator<T> {

    /** A page and whether it was the last. */
    record Page<T>(List<T> items, boolean last) {
    }

    /** Fetches the next page of one listing, keeping its own position (offset or token). */
    interface Pages<T> {
        Page<T> next();
    }

    private final Pages<T> pages;
    private final int pageCap;
    private final String resource;
    private final JiraFailures failures;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean exhausted;
    private int fetched;

    PageIterator(Pages<T> pages, int pageCap, String resource, JiraFailures failures) {
        this.pages = pages;
        this.pageCap = pageCap;
        this.resource = resource;
        this.failures = failures;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !exhausted) {
            if (fetched == pageCap) {
                throw failures.runawayPaging(resource, "still had more pages after " + pageCap);
            }
            Page<T> page = pages.next();
            fetched++;
            current = page.items().iterator();
            exhausted = page.last();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Pages fetched so far. */
    public int pagesFetched() {
        return fetched;
    }

    /** The remaining items as a lazy stream, still a page at a time. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
