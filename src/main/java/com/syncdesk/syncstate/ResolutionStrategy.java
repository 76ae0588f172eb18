package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** How a conflict was, or is to be, resolved. */
public enum ResolutionStrategy implements WireEnum {
    AUTO, MANUAL, JIRA_WINS, LOCAL_WINS;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<ResolutionStrategy> {
        public Converter() {
            super(ResolutionStrategy.class);
        }
    }
}
