package io.aoaigw.harness.emulator.frontdoor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one origin for the admin API (serialised by Jackson as is).
 *
 * @param url             the account's base URL Front Door forwards to
 * @param healthy         the probe verdict (at least successfulSamplesRequired of the last sampleSize probes got 200)
 * @param probeLatencyMs  mean round-trip of the successful probes in the window; null until one was measured
 * @param effectiveWeight the weight the origin has in the current choice: its weight when eligible, 0 when not, and
 *                        1 for every enabled origin while all are unhealthy (round-robin)
 * @param selectedShare   the probability that the next request goes to this origin, from the current state
 * @param requests        requests forwarded to the origin (retries included)
 * @param responses       origin answers by status code ("200": n)
 * @param errors          failures of this origin by {@link ErrorInfo} name
 * @param retriedAway     requests retried on another origin after this one failed
 * @param requestBytes    body bytes sent to the origin
 * @param responseBytes   body bytes relayed from the origin to clients
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OriginStats(String name, String account, String url, int priority, int weight, boolean enabled,
                          boolean healthy, Double probeLatencyMs, int effectiveWeight, double selectedShare,
                          long requests, Map<String, Long> responses, Map<String, Long> errors, long retriedAway,
                          long requestBytes, long responseBytes, Probes probes) {

    /**
     * @param recent the probe window, oldest first (true = success); it starts full of assumed successes
     */
    public record Probes(long successes, long failures, Integer lastStatus, String lastError, List<Boolean> recent) {
    }
}
