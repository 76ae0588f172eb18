package com.syncdesk.planning;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** A sprint's lifecycle state in JIRA. */
public enum SprintState implements WireEnum {
    FUTURE, ACTIVE, CLOSED;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<SprintState> {
        public Converter() {
            super(SprintState.class);
        }
    }
}
