package com.syncdesk.migration;

import java.util.List;

/** One migration step of a plan with the exact statements it would run, in order. */
public record PlannedStep(int version, String description, List<String> statements) {
}
