package com.syncdesk.history;

import java.time.LocalDate;

/** Sync runs of one UTC day: how many ran and how many failed. */
public record DailyRuns(LocalDate day, long runs, long failed) {
}
