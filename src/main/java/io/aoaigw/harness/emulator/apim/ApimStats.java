package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.OutcomeTally;
import java.util.Map;

/**
 * Counters since start: requests by status and by operation, how many were forwarded, refused by the subscription
 * check (401) or by a limit policy (429), and how many tokens the gateway fetched for its identity. {@code byStatus}
 * counts answers written in full; {@code outcomes} puts every request in exactly one ending bucket.
 */
public record ApimStats(long requests, long forwarded, long unauthorized, long throttled, long tokenFetches,
                        Map<Integer, Long> byStatus, Map<String, Long> byOperation,
                        OutcomeTally.Outcomes outcomes) {
}
