package com.syncdesk.jira;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pause every request to one site waits out: after a rate limit no thread should knock again
 * before JIRA's time is up, and after a near-limit warning every thread slows down.
 */
final class SiteThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SiteThrottle.class);

    private final JiraClock clock;
    private Instant until = Instant.MIN;
    private JiraWait.Reason reason = JiraWait.Reason.RATE_LIMITED;

    SiteThrottle(JiraClock clock) {
        this.clock = clock;
    }

    /** Holds every request until {@code instant}, unless a longer hold is in force. */
    synchronized void holdUntil(Instant instant, JiraWait.Reason why) {
        if (instant.isAfter(until)) {
            until = instant;
            reason = why;
        }
    }

    /** Returns once the site's hold has passed, telling the listener about each pause. */
    void awaitTurn(String resource, JiraListener listener) throws InterruptedException {
        while (true) {
            Instant holdUntil;
            JiraWait.Reason why;
            synchronized (this) {
                holdUntil = until;
                why = reason;
            }
            Duration left = Duration.between(clock.now(), holdUntil);
            if (!left.isPositive()) {
                return;
            }
            JiraWait wait = new JiraWait(left, why, resource);
            LOG.info(wait.describe());
            listener.waiting(wait);
            clock.sleep(left);
        }
    }
}
