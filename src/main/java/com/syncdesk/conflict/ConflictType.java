package com.syncdesk.conflict;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** What kind of disagreement a conflict is: a field differs, or the entity was deleted or created on one side only. */
public enum ConflictType implements WireEnum {
    FIELD_CONFLICT, DELETION_CONFLICT, CREATION_CONFLICT;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<ConflictType> {
        public Converter() {
            super(ConflictType.class);
        }
    }
}
