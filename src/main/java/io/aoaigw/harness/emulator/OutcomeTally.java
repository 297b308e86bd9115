package io.aoaigw.harness.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the requests of one hop (APIM, Front Door, an account) ended, each in exactly one bucket: answered in full (by
 * status), the client left first, or the answer broke off upstream. Updated from event loops, read by the admin API.
 * Each hop calls {@link #received()} once per request and exactly one of the three endings once.
 */
public final class OutcomeTally {
    private final LongAdder received = new LongAdder();
    private final Map<Integer, LongAdder> answered = new ConcurrentHashMap<>();
    private final LongAdder clientDisconnects = new LongAdder();
    private final LongAdder upstreamCancelled = new LongAdder();

    public void received() {
        received.increment();
    }

    public void answered(int status) {
        answered.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    public void clientDisconnected() {
        clientDisconnects.increment();
    }

    public void upstreamCancelled() {
        upstreamCancelled.increment();
    }

    public Outcomes snapshot() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        answered.forEach((k, v) -> byStatus.put(k, v.sum()));
        long disconnects = clientDisconnects.sum();
        long cancelled = upstreamCancelled.sum();
        long ended = byStatus.values().stream().mapToLong(Long::longValue).sum() + disconnects + cancelled;
        long in = received.sum();
        return new Outcomes(in, byStatus, disconnects, cancelled, Math.max(0, in - ended));
    }

    /** Zeroes the counts; requests in flight will still end, so {@code inFlight} may read low until they do. */
    public void reset() {
        received.reset();
        answered.clear();
        clientDisconnects.reset();
        upstreamCancelled.reset();
    }

    /**
     * @param received          requests that arrived
     * @param answered          requests whose answer was written in full, by status
     * @param clientDisconnects requests whose client left before the answer ended (before its headers or mid-body)
     * @param upstreamCancelled requests whose answer broke off upstream: at Front Door and APIM, the hop behind cut
     *                          the stream; at an account, its {@code cutAfterFrames} fault
     * @param inFlight          requests not yet ended: {@code received} minus the three buckets
     */
    public record Outcomes(long received, Map<Integer, Long> answered, long clientDisconnects,
                           long upstreamCancelled, long inFlight) {
    }
}
