package com.syncdesk.syncstate;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** Where an entity stands in the sync. */
public enum SyncStatus implements WireEnum {
    PENDING, IN_PROGRESS, COMPLETED, FAILED, SKIPPED;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<SyncStatus> {
        public Converter() {
            super(SyncStatus.class);
        }
    }
}
