package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** How a conflict was, or is to be, resolved. */
public enum ResolutionStrategy implements WireEnum {
    AUTO("automatic"), MANUAL("chosen by hand"), JIRA_WINS("JIRA wins"), LOCAL_WINS("local wins");

    private final String words;

    ResolutionStrategy(String words) {
        this.words = words;
    }

    @Override
    public String words() {
        return words;
    }

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<ResolutionStrategy> {
        public Converter() {
            super(ResolutionStrategy.class);
        }
    }
}
