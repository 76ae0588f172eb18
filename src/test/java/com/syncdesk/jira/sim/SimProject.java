package com.syncdesk.jira.sim;

/** A seeded project; {@code number} is its 1-based place in the demo vocabulary. */
record SimProject(long id, int number, String key, String name, String type) {
}
