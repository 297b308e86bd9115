package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.OutcomeTally;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/** Counts what the gateway did and keeps the most recent {@code capacity} request records. */
final class GatewayRecorder {
    private final int capacity;
    private final LongSupplier tokenFetches;
    private final Deque<ApimRequestRecord> recent = new ArrayDeque<>();
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> byOperation = new TreeMap<>();
    private long requests;
    private long forwarded;
    private final OutcomeTally outcomes = new OutcomeTally();

    GatewayRecorder(int capacity, LongSupplier tokenFetches) {
        this.capacity = capacity;
        this.tokenFetches = tokenFetches;
    }

    /** A request arrived (its record comes when it ends). */
    void received() {
        outcomes.received();
    }

    synchronized void record(ApimRequestRecord r) {
        requests++;
        switch (r.outcome()) {
            case answered -> {
                byStatus.merge(r.status(), 1L, Long::sum);
                outcomes.answered(r.status());
            }
            case clientDisconnected -> outcomes.clientDisconnected();
            case upstreamCancelled, cutByLimit -> outcomes.upstreamCancelled();
        }
        if (r.operationId() != null) {
            byOperation.merge(r.operationId(), 1L, Long::sum);
        }
        if (r.forwarded()) {
            forwarded++;
        }
        recent.addLast(r);
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
    }

    synchronized ApimStats stats() {
        return new ApimStats(requests, forwarded, byStatus.getOrDefault(401, 0L), byStatus.getOrDefault(429, 0L),
                tokenFetches.getAsLong(), Map.copyOf(byStatus), Map.copyOf(byOperation), outcomes.snapshot());
    }

    /** Oldest first. */
    synchronized List<ApimRequestRecord> recent() {
        return List.copyOf(recent);
    }
}
