package io.aoaigw.harness.emulator.frontdoor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts by key, updated from event loops and read by the admin API. */
final class Tally {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Sorted copy, so the JSON is stable. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    void reset() {
        counts.clear();
    }
}
