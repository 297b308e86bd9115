package io.aoaigw.harness.emulator.frontdoor;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** The traffic and probe counters of one origin. */
final class OriginCounters {
    final LongAdder requests = new LongAdder();
    final Tally responses = new Tally();
    final Tally errors = new Tally();
    final LongAdder retriedAway = new LongAdder();
    final LongAdder requestBytes = new LongAdder();
    final LongAdder responseBytes = new LongAdder();
    final LongAdder probeSuccesses = new LongAdder();
    final LongAdder probeFailures = new LongAdder();
    /** Status of the last probe answer, or the failure that stood in for one. */
    final AtomicReference<ProbeOutcome> lastProbe = new AtomicReference<>(new ProbeOutcome(null, null));

    record ProbeOutcome(Integer status, String error) {
    }

    void reset() {
        requests.reset();
        responses.reset();
        errors.reset();
        retriedAway.reset();
        requestBytes.reset();
        responseBytes.reset();
        probeSuccesses.reset();
        probeFailures.reset();
    }
}
