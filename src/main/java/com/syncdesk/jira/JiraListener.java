package com.syncdesk.jira;

/**
 * Observes a {@link JiraClient}: every HTTP request it makes (retries included) and every pause.
 * Called on the thread that made the request; implementations must be thread-safe and quick.
 */
public interface JiraListener {

    JiraListener NONE = new JiraListener() {
    };

    default void requestFinished(JiraExchange exchange) {
    }

    default void waiting(JiraWait wait) {
    }

    /** Both listeners, this one first. */
    default JiraListener and(JiraListener other) {
        JiraListener self = this;
        if (other == NONE) {
            return self;
        }
        if (self == NONE) {
            return other;
        }
        return new JiraListener() {
            @Override
            public void requestFinished(JiraExchange exchange) {
                self.requestFinished(exchange);
                other.requestFinished(exchange);
            }

            @Override
            public void waiting(JiraWait wait) {
                self.waiting(wait);
                other.waiting(wait);
            }
        };
    }
}
