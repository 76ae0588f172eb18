package com.syncdesk.persistence;

import java.util.Locale;

/** An enumeration stored as its lowercase wire value ({@code in_progress}), never as an ordinal. */
public interface WireEnum {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value as words for the operator: "in progress", "local to remote". */
    default String words() {
        return wire().replace('_', ' ');
    }
}
