package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.OutcomeTally;
import java.util.Map;

/**
 * The account's counters at one instant (Jackson-serialisable).
 *
 * @param requests          inference requests answered or in progress (health probes excluded)
 * @param byStatus          requests by the status they were answered with (a stream counts once, at its headers)
 * @param byDeployment      requests by the deployment id of their path (unknown ids included)
 * @param streamed          requests answered as a stream
 * @param promptTokens      prompt tokens of the requests that were served
 * @param completionTokens  completion tokens actually written (content frames, or whole non-streamed answers)
 * @param throttled         429 answers, from the rate limits and from injected throttles
 * @param openStreams       streams currently open
 * @param clientDisconnects answers abandoned because the client closed the connection first
 * @param cutStreams        streams reset by the {@code cutAfterFrames} fault
 * @param probes            health-probe requests (GET/HEAD outside {@code /openai/})
 * @param outcomes          every inference request in exactly one ending bucket: answered in full (by status),
 *                          client disconnect, or cut by the fault ({@code upstreamCancelled}, as the hops above see
 *                          it); unlike {@code byStatus}, a stream the client leaves is not counted as answered
 */
public record CountersSnapshot(long requests, Map<Integer, Long> byStatus, Map<String, Long> byDeployment,
                               long streamed, long promptTokens, long completionTokens, long throttled,
                               long openStreams, long clientDisconnects, long cutStreams, long probes,
                               OutcomeTally.Outcomes outcomes) {
}
