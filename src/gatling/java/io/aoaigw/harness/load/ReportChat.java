package io.aoaigw.harness.load;

import io.gatling.core.session.Session;

/**
 * One "Chat" event per chat in Gatling's report, OK or KO, from the chat's first send to its end (retries and a
 * stream's frames included). The error SLO is asserted on these events, so it is judged per chat: Gatling's global
 * failed-request share would divide by every per-frame event and every retried attempt.
 */
final class ReportChat extends StatsAction {
    static final String NAME = "Chat";
    /** Session keys: when the chat was first sent (epoch ms), and its outcome (absent: the chat never started). */
    static final String STARTED_MS = "chatStartedMs";
    static final String OUTCOME = "chatOk";

    @Override
    Session record(Session session, Events events) {
        if (!session.contains(OUTCOME)) {
            return session;
        }
        boolean ok = (Boolean) session.attributes().get(OUTCOME).get();
        long started = (Long) session.attributes().get(STARTED_MS).get();
        events.log(NAME, started, System.currentTimeMillis(), ok, ok ? null : "chat failed");
        return session.remove(OUTCOME);
    }
}
