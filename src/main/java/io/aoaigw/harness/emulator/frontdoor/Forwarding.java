package io.aoaigw.harness.emulator.frontdoor;

import io.aoaigw.harness.emulator.OutcomeTally;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.concurrent.atomic.LongAdder;

/** What every proxied request shares: the origin client, the choice, the settings and the group counters. */
record Forwarding(Vertx vertx, HttpClient client, OriginSelector selector, AzureRef refs, String frontDoorId,
                  long responseTimeoutMs, boolean retryOnServerError, LongAdder requests, Tally errors,
                  LongAdder retries, OutcomeTally outcomes) {
}
