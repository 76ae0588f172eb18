package com.syncdesk.bench;

import java.util.ArrayList;
import java.util.List;

/** Run times of one path of an operation, in milliseconds; median and 95th percentile (nearest rank). */
final class Timing {

    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1e6);
    }

    double median() {
        return percentile(0.5);
    }

    double p95() {
        return percentile(0.95);
    }

    int runs() {
        return millis.size();
    }

    private double percentile(double p) {
        List<Double> sorted = millis.stream().sorted().toList();
        return sorted.get((int) Math.max(0, Math.ceil(p * sorted.size()) - 1));
    }
}
