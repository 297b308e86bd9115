package io.aoaigw.harness.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the run keeps for after it: the summary being recorded, the timed streams and the chats refused before their
 * first frame (both compared with ground truth), what each layer had answered on its own before the run, when it
 * began, and the results of the checks made after it.
 */
final class RunRecord {
    private static final int MAX_STREAMS = Integer.getInteger("accuracy.maxStreams", 5000);

    private final LoadSummary summary = new LoadSummary();
    private final AccuracyReport accuracy = new AccuracyReport(MAX_STREAMS);
    /** Chats whose SSE connection was refused before any frame: client request id → when (epoch ms). */
    private final Map<String, Long> refused = new ConcurrentHashMap<>();
    /** What each layer had answered on its own before the run (embedded targets), to count the run's alone. */
    private final LayerTruth.Before layersBefore;
    private final long startMs;
    private Map<String, String> checks = Map.of();

    /** @param startMs when the run began: before its target started, as the summary's window counts it */
    RunRecord(long startMs, LoadTarget target) {
        this.startMs = startMs;
        this.layersBefore = LayerTruth.before(target);
    }

    LoadSummary summary() {
        return summary;
    }

    AccuracyReport accuracy() {
        return accuracy;
    }

    /** Notes a chat refused before its first frame; as many as the accuracy report keeps streams. */
    void refusedBeforeFirstFrame(String clientRequestId) {
        if (refused.size() < MAX_STREAMS) {
            refused.put(clientRequestId, System.currentTimeMillis());
        }
    }

    Map<String, Long> refusedBeforeFirstFrame() {
        return refused;
    }

    LayerTruth.Before layersBefore() {
        return layersBefore;
    }

    long startMs() {
        return startMs;
    }

    void checks(Map<String, String> results) {
        checks = results;
    }

    Map<String, String> checks() {
        return checks;
    }
}
