package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/**
 * Why a state's last sync attempt failed, as the sync engine classified JIRA's answer ({@code sync_metadata.failure_kind}),
 * so "errors by kind" counts exactly instead of guessing from the message.
 */
public enum FailureKind implements WireEnum {
    RATE_LIMIT("rate limit", true),
    AUTH("authentication", false),
    NOT_FOUND("not found", false),
    VALIDATION("validation", false),
    CONFLICT("version conflict", false),
    SERVER("server error", true),
    NETWORK("network", true);

    private final String label;
    private final boolean transientFailure;

    FailureKind(String label, boolean transientFailure) {
        this.label = label;
        this.transientFailure = transientFailure;
    }

    /** The group's name in error statistics, the same words the message-based grouping uses. */
    public String label() {
        return label;
    }

    /** True when trying again later may succeed without anyone changing anything: such failures are retried by later runs. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<FailureKind> {
        public Converter() {
            super(FailureKind.class);
        }
    }
}
