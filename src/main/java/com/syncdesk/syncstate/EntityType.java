package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** The kinds of local entity that are synced with JIRA. */
public enum EntityType implements WireEnum {
    SPRINT, ISSUE, PROJECT, BOARD;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<EntityType> {
        public Converter() {
            super(EntityType.class);
        }
    }
}
