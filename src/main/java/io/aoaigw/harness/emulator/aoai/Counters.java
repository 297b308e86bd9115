package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.OutcomeTally;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Running totals, written on the event loop and read from anywhere; see {@link CountersSnapshot}. */
final class Counters {
    private final LongAdder requests = new LongAdder();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byDeployment = new ConcurrentHashMap<>();
    private final LongAdder streamed = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final AtomicLong openStreams = new AtomicLong();
    private final LongAdder clientDisconnects = new LongAdder();
    private final LongAdder cutStreams = new LongAdder();
    private final LongAdder probes = new LongAdder();
    /** Every inference request in exactly one ending bucket (probes excluded). */
    private final OutcomeTally outcomes = new OutcomeTally();

    void request(String deploymentId) {
        requests.increment();
        outcomes.received();
        if (deploymentId != null) {
            byDeployment.computeIfAbsent(deploymentId, k -> new LongAdder()).increment();
        }
    }

    void answered(int status) {
        byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (status == 429) {
            throttled.increment();
        }
    }

    void streamOpened() {
        streamed.increment();
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }

    void promptTokens(int tokens) {
        promptTokens.add(tokens);
    }

    void completionTokens(int tokens) {
        completionTokens.add(tokens);
    }

    void clientDisconnected() {
        clientDisconnects.increment();
    }

    void streamCut() {
        cutStreams.increment();
    }

    /** How an exchange ended: once per request (see {@link Exchange#finish}). */
    void ended(RequestRecord.Outcome outcome, int status) {
        switch (outcome) {
            case COMPLETED -> outcomes.answered(status);
            case CLIENT_DISCONNECTED -> outcomes.clientDisconnected();
            case CUT -> outcomes.upstreamCancelled();
        }
    }

    void probe() {
        probes.increment();
    }

    CountersSnapshot snapshot() {
        return new CountersSnapshot(requests.sum(), sums(byStatus), sums(byDeployment), streamed.sum(),
                promptTokens.sum(), completionTokens.sum(), throttled.sum(), openStreams.get(),
                clientDisconnects.sum(), cutStreams.sum(), probes.sum(), outcomes.snapshot());
    }

    /** Zeroes everything except the streams still open (they will still close). */
    void reset() {
        for (LongAdder adder : new LongAdder[] {requests, streamed, promptTokens, completionTokens, throttled,
                clientDisconnects, cutStreams, probes}) {
            adder.reset();
        }
        byStatus.clear();
        byDeployment.clear();
        outcomes.reset();
    }

    private static <K extends Comparable<K>> Map<K, Long> sums(Map<K, LongAdder> adders) {
        Map<K, Long> sums = new TreeMap<>();
        adders.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }
}
