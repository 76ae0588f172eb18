package com.syncdesk.history;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** The kind of sync run a history row records. */
public enum OperationType implements WireEnum {
    FULL_SYNC, INCREMENTAL_SYNC, CONFLICT_RESOLUTION, WEBHOOK_SYNC;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<OperationType> {
        public Converter() {
            super(OperationType.class);
        }
    }
}
