package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the harness's stream timings are from the emulator's ground truth, request by request. Each timed stream
 * carries its own {@code x-ms-client-request-id}; after the run the accounts' records (admin API) are matched by it,
 * and for each matched stream, with h = when the harness received content frame i and w = when the account wrote it
 * (both epoch µs):
 * <ul>
 *   <li><b>TTFT error</b> = h₀ − w₀: what the harness's first-token time adds to the account's — transport, APIM and
 *   Front Door, and the harness's own measurement error (Gatling stamps frames in whole milliseconds);</li>
 *   <li><b>ITL error</b> = (hᵢ − hᵢ₋₁) − (wᵢ − wᵢ₋₁) per gap: constant offsets (clocks, the gateway's fixed delay)
 *   cancel, leaving the harness's measurement error plus the jitter the hops add — the clean accuracy figure.</li>
 * </ul>
 * Both go into the summary as mergeable signed histograms ({@link SignedErrors}); ITL is compared only when both sides
 * saw the same number of content frames. Thread-safe collection; at most {@code maxStreams} streams are kept.
 */
public final class AccuracyReport {
    /** Counter names. */
    public static final String MEASURED = "accuracyStreamsMeasured";
    public static final String MATCHED = "accuracyStreamsMatched";
    public static final String FRAMES_DIFFER = "accuracyStreamsFrameCountDiffers";
    /** Histogram base names (see {@link SignedErrors}). */
    public static final String TTFT_ERROR = "accuracyTtftError";
    public static final String ITL_ERROR = "accuracyItlError";

    /** One stream as the harness timed it: its client request id and when each content frame arrived (epoch µs). */
    public record Measured(String clientRequestId, long[] contentEpochMicros) {
        /** Rebuilds the arrival times from the figures the harness reports: send time, TTFT and the ITL gaps. */
        public static Measured of(String clientRequestId, long sentAtEpochMicros, StreamTimings t) {
            long[] at = new long[t.itlMicros().length + 1];
            at[0] = sentAtEpochMicros + t.ttftMicros();
            for (int i = 1; i < at.length; i++) {
                at[i] = at[i - 1] + t.itlMicros()[i - 1];
            }
            return new Measured(clientRequestId, at);
        }
    }

    private final int maxStreams;
    private final ConcurrentLinkedQueue<Measured> measured = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    public AccuracyReport(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /** Keeps a timed stream for comparison (dropped once {@code maxStreams} are kept). */
    public void add(Measured stream) {
        if (kept.incrementAndGet() <= maxStreams) {
            measured.add(stream);
        }
    }

    public Set<String> clientRequestIds() {
        Set<String> ids = new HashSet<>();
        measured.forEach(m -> ids.add(m.clientRequestId()));
        return ids;
    }

    public boolean isEmpty() {
        return measured.isEmpty();
    }

    /** Compares the kept streams with the truth (client request id → content frame write times) into the summary. */
    public void compareInto(Map<String, long[]> truth, LoadSummary summary) {
        compare(new ArrayList<>(measured), truth, summary);
    }

    /** {@code figures.accuracy}: stream counts and the two errors in ms; null when no stream was compared. */
    static ObjectNode figures(LoadSummary s) {
        long measured = s.count(MEASURED);
        if (measured == 0) {
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("streamsMeasured", measured).put("streamsMatched", s.count(MATCHED))
                .put("streamsFrameCountDiffers", s.count(FRAMES_DIFFER));
        out.set("ttftErrorMs", SignedErrors.figures(s, TTFT_ERROR));
        out.set("itlErrorMs", SignedErrors.figures(s, ITL_ERROR));
        return out.put("definition", "ttftErrorMs: harness receipt minus account write of the first content frame"
                + " (transport, APIM, Front Door, measurement); itlErrorMs: harness gap minus account gap between"
                + " consecutive content frames (offsets cancel)");
    }

    static void compare(List<Measured> streams, Map<String, long[]> truth, LoadSummary s) {
        for (Measured m : streams) {
            s.add(MEASURED, 1);
            long[] w = truth.get(m.clientRequestId());
            long[] h = m.contentEpochMicros();
            if (w == null || w.length == 0 || h.length == 0) {
                continue;
            }
            s.add(MATCHED, 1);
            SignedErrors.record(s, TTFT_ERROR, h[0] - w[0]);
            if (w.length != h.length) {
                s.add(FRAMES_DIFFER, 1);
                continue;
            }
            for (int i = 1; i < h.length; i++) {
                SignedErrors.record(s, ITL_ERROR, (h[i] - h[i - 1]) - (w[i] - w[i - 1]));
            }
        }
    }

    /**
     * The content frame write times of the admin API's request records ({@code clientRequestId},
     * {@code contentFrameEpochMicros}) whose client request id is one of {@code wanted}, added to {@code into}.
     */
    public static void truthOf(JsonNode records, Set<String> wanted, Map<String, long[]> into) {
        for (JsonNode r : records) {
            String id = r.path("clientRequestId").asText(null);
            if (id == null || !wanted.contains(id)) {
                continue;
            }
            JsonNode frames = r.path("contentFrameEpochMicros");
            long[] at = new long[frames.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = frames.get(i).asLong();
            }
            into.put(id, at);
        }
    }
}
