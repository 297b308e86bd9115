package io.aoaigw.harness.emulator.frontdoor;

import io.aoaigw.harness.emulator.OutcomeTally;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the whole Front Door for the admin API (serialised by Jackson as is).
 *
 * @param routing     {@code weighted} normally, {@code roundRobin} while every enabled origin is unhealthy,
 *                    {@code none} when every origin is disabled
 * @param requests    client requests received
 * @param errors      answers Front Door generated itself, by {@link ErrorInfo} name
 * @param retries     requests retried on a second origin (retryOnServerError)
 * @param outcomes    every client request in exactly one ending bucket (answered, client disconnect, upstream
 *                    cancelled)
 */
public record FrontDoorStats(String profile, String endpoint, String frontDoorId, String endpointUrl,
                             long probeIntervalMs, String routing, long requests, Map<String, Long> errors,
                             long retries, List<OriginStats> origins, OutcomeTally.Outcomes outcomes) {
}
