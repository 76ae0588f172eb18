package com.syncdesk.story;

import com.syncdesk.persistence.StoredInstant;

/**
 * One event in an entity's story.
 *
 * @param who    the operator or sync run that acted, when known
 * @param detail what else there is to say (an error, the values, notes), or null
 */
public record StoryEntry(StoredInstant at, Kind kind, String what, String who, String detail) {

    /** What kind of event it was, for an icon and a colour. */
    public enum Kind { CREATED, CHANGED, ATTEMPT, SUCCESS, FAILURE, CONFLICT, RESOLUTION, ACTION, RUN }
}
