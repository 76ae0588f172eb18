package com.syncdesk.conflict;

/** A chosen or typed value does not fit the entity column; nothing was written. */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The conflicting field the value was meant for, so a dialog can mark it. */
    public String field() {
        return field;
    }
}
