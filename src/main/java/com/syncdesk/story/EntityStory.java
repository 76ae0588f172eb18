package com.syncdesk.story;

import java.util.List;

import com.syncdesk.syncstate.SyncStateRow;

/**
 * One sync state's story, newest first: its sync attempts, errors, conflicts and their resolutions, the audit
 * entries that name it and the sync runs of its batch.
 */
public record EntityStory(SyncStateRow state, List<StoryEntry> entries) {
}
