package com.syncdesk.jira;

import java.time.Duration;
import java.time.Instant;

/** The time and the waiting of a JIRA client: real outside tests, so tests need not sleep through a rate limit. */
public interface JiraClock {

    JiraClock SYSTEM = new JiraClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        }

        @Override
        public String toString() {
            return "JiraClock.SYSTEM";
        }
    };

    Instant now();

    void sleep(Duration duration) throws InterruptedException;
}
