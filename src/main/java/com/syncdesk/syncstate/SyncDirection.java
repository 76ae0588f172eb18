package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** Which way the next sync pushes an entity. */
public enum SyncDirection implements WireEnum {
    LOCAL_TO_REMOTE, REMOTE_TO_LOCAL, BIDIRECTIONAL;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<SyncDirection> {
        public Converter() {
            super(SyncDirection.class);
        }
    }
}
