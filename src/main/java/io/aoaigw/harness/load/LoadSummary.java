package io.aoaigw.harness.load;

import io.aoaigw.harness.topology.Regions;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * What one run measured, in a form that adds up exactly across injectors: histograms of the stream timings (µs),
 * counters, answers per origin, and a per-second timeline. Thread-safe; {@link SummaryJson} writes and reads it.
 */
public final class LoadSummary {
    /** Histogram names; durations are microseconds, {@code streamTokensPerSec} is tokens/s × 1000. */
    public static final String FIRST_EVENT = "timeToFirstEvent";
    public static final String TTFT = "ttft";
    public static final String ITL = "itl";
    public static final String TPOT = "tpot";
    public static final String E2E = "e2e";
    public static final String STREAM_TOKENS_PER_SEC = "streamTokensPerSec";
    /** Per throttled chat: from its first 429 to the answer that finally succeeded. */
    public static final String RECOVERY = "recoveryAfterThrottle";

    /** Counter names. */
    public static final String CHATS = "chats";
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    /** Failed chats by cause on the SSE path: stream cut (the client's resend refused), connection refused before
     * any frame (status unknown to Gatling's SSE client), frames but no end. */
    public static final String STREAMS_CUT = "streamsCut";
    public static final String SSE_REFUSED = "sseRefusedBeforeFirstFrame";
    public static final String STREAMS_INCOMPLETE = "streamsIncomplete";
    /** Prefix of the SSE refusals by the status ground truth found ({@code sseRefusedStatus.429}, ...unknown). */
    public static final String SSE_REFUSED_STATUS = "sseRefusedStatus.";
    public static final String THROTTLED = "throttled429";
    public static final String RETRIES = "retries";
    public static final String FAILED_AFTER_RETRIES = "failedAfterRetries";
    public static final String EARLY_RETRIES = "retriesBeforeAdvisedTime";
    public static final String ADVISED_MICROS = "advisedWaitMicros";
    public static final String WAITED_MICROS = "waitedMicros";
    public static final String OUTPUT_TOKENS = "outputTokens";
    public static final String PROMPT_TOKENS = "promptTokens";
    /** Virtual users that ended a chat, or began one, with the request budget spent. */
    public static final String USERS_AFTER_BUDGET = "usersAfterBudgetSpent";
    /**
     * Prefix of the per-layer counters ({@code layer.<layer>.<counter>}, nested into {@code figures.layers}):
     * {@code throttled429}, {@code errors}, {@code byStatus.<code>}, {@code byCause.<cause>},
     * {@code byOrigin.<region>.<throttled429|errors>}, {@code retries}, {@code retriesBeforeAdvisedTime},
     * {@code sseRefused}.
     */
    public static final String LAYER_PREFIX = "layer.";
    /** Layer counter of answers other than 200 and 429 (5xx, 4xx, no answer). */
    public static final String ERRORS = "errors";
    /** Timeline prefix of 429s per layer ({@code throttled429.apim}, ...), for drawing throttles per layer. */
    public static final String THROTTLED_BY = THROTTLED + ".";
    /** Timeline counters of the header path by the second a request was sent: answered 200, answered 429. */
    public static final String ADMITTED_SENT = "admittedBySend";
    public static final String THROTTLED_SENT = "throttledBySend";
    /** Timeline counter marking the second measurement started (after a capacity run's warm-up). */
    public static final String MEASURING = "measuring";
    /** Prefix of the binding-limit counters of a capacity run; merged by maximum (every injector knows the same). */
    public static final String BINDING = "capacity.binding.";
    /** Timeline prefix of an origin's highest utilisation reported in a second, in permille; merged by maximum. */
    public static final String UTILISATION_PEAK = "utilisation.";
    /** Timeline prefix of the tokens an origin's answers reported ({@code originTokens.<region>.input|output}). */
    public static final String ORIGIN_TOKENS = "originTokens.";
    /** Prefix of a provisioned origin's PTUs and output weight ({@code capacity.ptu.<region>.units|outputWeight}). */
    public static final String PTU = "capacity.ptu.";
    /** Prefix of the per-request-class counters: {@code class.<name>.<counter>}. */
    static final String CLASS_PREFIX = "class.";

    final Map<String, Histogram> histograms = new TreeMap<>();
    final Map<String, Long> counters = new TreeMap<>();
    final Map<String, Long> origins = new TreeMap<>();
    /** epoch second → counter name → count ({@code ok}, {@code throttled429}, {@code failed}, {@code outputTokens}). */
    final Map<Long, Map<String, Long>> timeline = new TreeMap<>();
    final TreeSet<String> sources = new TreeSet<>();
    long startEpochMs = Long.MAX_VALUE;
    long endEpochMs = Long.MIN_VALUE;

    public synchronized void source(String name) {
        sources.add(name);
    }

    public synchronized void window(long startMs, long endMs) {
        startEpochMs = Math.min(startEpochMs, startMs);
        endEpochMs = Math.max(endEpochMs, endMs);
    }

    public synchronized void record(String histogram, long value) {
        HistogramCodec.record(histograms.computeIfAbsent(histogram, k -> HistogramCodec.empty()), value);
    }

    public synchronized void add(String counter, long delta) {
        counters.merge(counter, delta, Long::sum);
    }

    /** A counter of one request class ({@code chats}, {@code ok}, {@code failed}, prompt and output tokens). */
    public synchronized void requestClass(String requestClass, String counter, long delta) {
        add(CLASS_PREFIX + requestClass + "." + counter, delta);
    }

    /** One answer other than 200, counted for the layer that sent it: 429 or error, status, cause, origin, second. */
    public synchronized void attributed(Attribution a, int status, long epochMs) {
        String kind = status == 429 ? THROTTLED : ERRORS;
        layer(a.layer(), kind, 1);
        layer(a.layer(), "byStatus." + status, 1);
        layer(a.layer(), "byCause." + key(a.cause()), 1);
        if (a.region() != null) {
            layer(a.layer(), "byOrigin." + key(Regions.key(a.region())) + "." + kind, 1);
        }
        if (status == 429) {
            at(epochMs, THROTTLED_BY + a.layer().label(), 1);
        }
    }

    /** A counter of one layer ({@code layer.<layer>.<counter>}). */
    public synchronized void layer(Layer layer, String counter, long delta) {
        add(LAYER_PREFIX + layer.label() + "." + counter, delta);
    }

    public synchronized long layerCount(Layer layer, String counter) {
        return count(LAYER_PREFIX + layer.label() + "." + counter);
    }

    /** Dots separate the levels of a layer counter's name, so a value's own dots become underscores. */
    private static String key(String value) {
        return value == null || value.isBlank() ? "(none)" : value.replace('.', '_');
    }

    public synchronized void origin(String region) {
        origins.merge(region == null || region.isBlank() ? "(none)" : Regions.key(region), 1L, Long::sum);
    }

    /** Marks when measurement starts: a capacity run's warm-up and probe settling lie before it. */
    public synchronized void measuringFrom(long epochMs) {
        at(epochMs, MEASURING, 1);
    }

    /** The limit the run is expected to find (capacity.BindingLimit): requests/min, which limit, which origin. */
    public synchronized void bindingLimit(double requestsPerMin, String limit, String origin) {
        counters.put(BINDING + "milliRequestsPerMin", Math.round(requestsPerMin * 1000));
        counters.put(BINDING + "by." + key(limit) + "." + key(origin), 1L);
    }

    /** A provisioned origin's PTUs and how many input tokens one output token weighs (capacity.CapacityPlan). */
    public synchronized void provisioned(String region, long ptu, long outputWeight) {
        counters.put(PTU + key(Regions.key(region)) + ".units", ptu);
        counters.put(PTU + key(Regions.key(region)) + ".outputWeight", outputWeight);
    }

    /** An answer's {@code azure-openai-deployment-utilization} (e.g. {@code 42.5%}); unreadable values are skipped. */
    public synchronized void utilisation(long epochMs, String region, String header) {
        long permille = UtilisationFigures.permille(header);
        if (permille >= 0) {
            timeline.computeIfAbsent(Math.floorDiv(epochMs, 1000L), k -> new TreeMap<>())
                    .merge(UTILISATION_PEAK + key(Regions.key(region)), permille, Math::max);
        }
    }

    /** The tokens one answer of an origin reported (prompt and completion), by the second it ended. */
    public synchronized void originTokens(long epochMs, String region, long input, long output) {
        String prefix = ORIGIN_TOKENS + key(Regions.key(region));
        at(epochMs, prefix + ".input", input);
        at(epochMs, prefix + ".output", output);
    }

    /** Timeline entries that merge by maximum rather than sum (a peak of a peak is a peak). */
    static boolean peak(String timelineKey) {
        return timelineKey.startsWith(UTILISATION_PEAK);
    }

    public synchronized void at(long epochMs, String counter, long delta) {
        timeline.computeIfAbsent(Math.floorDiv(epochMs, 1000L), k -> new TreeMap<>()).merge(counter, delta, Long::sum);
    }

    /** Everything one streamed chat measured, recorded at once. */
    public synchronized void stream(StreamTimings t, long endEpochMs) {
        record(FIRST_EVENT, t.firstEventMicros());
        record(TTFT, t.ttftMicros());
        for (long gap : t.itlMicros()) {
            record(ITL, gap);
        }
        if (t.outputTokens() > 1) {
            record(TPOT, t.tpotMicros());
        }
        record(E2E, t.e2eMicros());
        record(STREAM_TOKENS_PER_SEC, Math.round(t.tokensPerSecond() * 1000));
        add(OUTPUT_TOKENS, t.outputTokens());
        at(endEpochMs, OUTPUT_TOKENS, t.outputTokens());
    }

    /** Adds another summary into this one (exact: histograms add, counters sum, the window widens). */
    public synchronized void merge(LoadSummary other) {
        synchronized (other) {
            other.histograms.forEach((k, h) -> histograms.computeIfAbsent(k, x -> HistogramCodec.empty()).add(h));
            other.counters.forEach((k, v) -> counters.merge(k, v,
                    k.startsWith(BINDING) || k.startsWith(PTU) ? Math::max : Long::sum));
            other.origins.forEach((k, v) -> origins.merge(k, v, Long::sum));
            other.timeline.forEach((s, m) -> m.forEach((k, v) ->
                    timeline.computeIfAbsent(s, x -> new TreeMap<>())
                            .merge(k, v, peak(k) ? Math::max : Long::sum)));
            sources.addAll(other.sources);
            startEpochMs = Math.min(startEpochMs, other.startEpochMs);
            endEpochMs = Math.max(endEpochMs, other.endEpochMs);
        }
    }

    public synchronized long count(String counter) {
        return counters.getOrDefault(counter, 0L);
    }

    /** A copy of the histogram (empty when nothing was recorded). */
    public synchronized Histogram histogram(String name) {
        Histogram copy = HistogramCodec.empty();
        Histogram h = histograms.get(name);
        if (h != null) {
            copy.add(h);
        }
        return copy;
    }

    public synchronized Map<String, Long> origins() {
        return new TreeMap<>(origins);
    }

    public synchronized Map<Long, Map<String, Long>> timeline() {
        Map<Long, Map<String, Long>> copy = new TreeMap<>();
        timeline.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return copy;
    }

    public synchronized long durationMs() {
        return endEpochMs > startEpochMs ? endEpochMs - startEpochMs : 0;
    }
}
