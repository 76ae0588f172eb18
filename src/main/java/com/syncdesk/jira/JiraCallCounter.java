package com.syncdesk.jira;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the HTTP requests made through a client it observes, retries included, and the time spent
 * waiting: one counter per entity feeds {@code sync_metadata.api_calls_count}, one per run
 * {@code sync_history.api_calls_made}.
 */
public final class JiraCallCounter implements JiraListener {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();

    @Override
    public void requestFinished(JiraExchange exchange) {
        requests.incrementAndGet();
        if (exchange.attempt() > 1) {
            retries.incrementAndGet();
        }
    }

    @Override
    public void waiting(JiraWait wait) {
        waitedMillis.addAndGet(wait.duration().toMillis());
    }

    /** Every HTTP request, retries included. */
    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public Duration waited() {
        return Duration.ofMillis(waitedMillis.get());
    }

    @Override
    public String toString() {
        return "JiraCallCounter[" + requests.get() + " requests, " + retries.get() + " retries]";
    }
}
