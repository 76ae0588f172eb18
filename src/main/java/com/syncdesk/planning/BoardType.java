package com.syncdesk.planning;

import com.syncdesk.persistence.EnumValueConverter;
import com.syncdesk.persistence.WireEnum;

/** The kind of JIRA board. */
public enum BoardType implements WireEnum {
    SCRUM, KANBAN, SIMPLE;

    /** Stores the lowercase wire value; values unknown to this version are kept as written. */
    public static final class Converter extends EnumValueConverter<BoardType> {
        public Converter() {
            super(BoardType.class);
        }
    }
}
