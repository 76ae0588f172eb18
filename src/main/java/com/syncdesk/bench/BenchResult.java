package com.syncdesk.bench;

/**
 * One measured operation: SyncDesk's path and the reference path on the same data in the same run.
 *
 * @param target what the issue asks for, in words
 * @param note   extra figures (rows/s, peak heap) where a ratio does not apply
 */
public record BenchResult(String operation, double syncDeskMedianMs, double syncDeskP95Ms, String reference, double referenceMedianMs,
                          double referenceP95Ms, String target, String note) {

    public double ratio() {
        return referenceMedianMs <= 0 ? Double.NaN : syncDeskMedianMs / referenceMedianMs;
    }
}
