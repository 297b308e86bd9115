package io.aoaigw.harness.load;

import io.gatling.core.session.Session;

/**
 * Puts one stream's timings into Gatling's report as named requests — "Time to first event", "TTFT", "ITL" (one per
 * gap), "TPOT", "Stream end to end" — so their percentiles sit beside Gatling's own.
 */
final class ReportTimings extends StatsAction {
    static final String FIRST_EVENT = "Time to first event";
    static final String TTFT = "TTFT";
    static final String ITL = "ITL";
    static final String TPOT = "TPOT";
    static final String E2E = "Stream end to end";

    private final String timingsKey;
    private final String sentAtKey;

    ReportTimings(String timingsKey, String sentAtKey) {
        this.timingsKey = timingsKey;
        this.sentAtKey = sentAtKey;
    }

    @Override
    Session record(Session session, Events events) {
        StreamTimings t = (StreamTimings) session.attributes().get(timingsKey).get();
        long sentAt = (Long) session.attributes().get(sentAtKey).get();
        log(events, FIRST_EVENT, sentAt, t.firstEventMicros());
        log(events, TTFT, sentAt, t.ttftMicros());
        for (long gap : t.itlMicros()) {
            log(events, ITL, sentAt, gap);
        }
        if (t.outputTokens() > 1) {
            log(events, TPOT, sentAt, t.tpotMicros());
        }
        log(events, E2E, sentAt, t.e2eMicros());
        return session.remove(timingsKey);
    }

    private static void log(Events events, String name, long startMs, long micros) {
        events.log(name, startMs, startMs + Math.round(micros / 1000.0), true, null);
    }
}
